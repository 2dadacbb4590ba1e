<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>Kiosk::Session::CheckpointSession</name>
    <message numerus="yes">
        <source>Too many failed attempts. Try again in %n second(s).</source>
        <translation>
            <numerusform>Too many failed attempts. Try again in %n second.</numerusform>
            <numerusform>Too many failed attempts. Try again in %n seconds.</numerusform>
        </translation>
    </message>
    <message>
        <source>Unknown operator or wrong PIN.</source>
        <translation>Unknown operator or wrong PIN.</translation>
    </message>
    <message>
        <source>The information screen has no operator sign-in.</source>
        <translation>The information screen has no operator sign-in.</translation>
    </message>
    <message>
        <source>Nobody is signed in.</source>
        <translation>Nobody is signed in.</translation>
    </message>
    <message>
        <source>The information screen cannot record.</source>
        <translation>The information screen cannot record.</translation>
    </message>
    <message>
        <source>Sign in or unlock first.</source>
        <translation>Sign in or unlock first.</translation>
    </message>
    <message>
        <source>A document was read while the console is locked; it was ignored.</source>
        <translation>A document was read while the console is locked; it was ignored.</translation>
    </message>
    <message>
        <source>The check could not be completed: %1</source>
        <translation>The check could not be completed: %1</translation>
    </message>
    <message>
        <source>There is no document to record.</source>
        <translation>There is no document to record.</translation>
    </message>
    <message>
        <source>This case is already recorded; read the next document.</source>
        <translation>This case is already recorded; read the next document.</translation>
    </message>
    <message>
        <source>The document could not be read; use manual entry.</source>
        <translation>The document could not be read; use manual entry.</translation>
    </message>
    <message>
        <source>The check could not be completed; refer or override.</source>
        <translation>The check could not be completed; refer or override.</translation>
    </message>
    <message>
        <source>The verdict is %1: record the crossing only with an override and its reason, or refer.</source>
        <translation>The verdict is %1: record the crossing only with an override and its reason, or refer.</translation>
    </message>
    <message numerus="yes">
        <source>An override needs a typed reason of at least %n characters.</source>
        <translation>
            <numerusform>An override needs a typed reason of at least %n characters.</numerusform>
            <numerusform>An override needs a typed reason of at least %n characters.</numerusform>
        </translation>
    </message>
    <message>
        <source>The override must change the verdict.</source>
        <translation>The override must change the verdict.</translation>
    </message>
    <message>
        <source>A barcode was read while the console is locked; it was ignored.</source>
        <translation>A barcode was read while the console is locked; it was ignored.</translation>
    </message>
    <message>
        <source>Read the passport as well: a boarding pass or a seal alone is not a travel document.</source>
        <translation>Read the passport as well: a boarding pass or a seal alone is not a travel document.</translation>
    </message>
    <message>
        <source>The barcode image could not be read.</source>
        <translation>The barcode image could not be read.</translation>
    </message>
    <message>
        <source>No barcode was found in the image.</source>
        <translation>No barcode was found in the image.</translation>
    </message>
    <message>
        <source>The scanned image could not be read.</source>
        <translation>The scanned image could not be read.</translation>
    </message>
    <message>
        <source>camera (OCR)</source>
        <translation>camera (OCR)</translation>
    </message>
    <message>
        <source>No machine-readable zone was found in the image.</source>
        <translation>No machine-readable zone was found in the image.</translation>
    </message>
    <message>
        <source>The machine-readable zone could not be read with confidence; scan again or type it (F6).</source>
        <translation>The machine-readable zone could not be read with confidence; scan again or type it (F6).</translation>
    </message>
    <message>
        <source>camera (barcode)</source>
        <translation>camera (barcode)</translation>
    </message>
    <message>
        <source>Only the information screen has a staff exit.</source>
        <translation>Only the information screen has a staff exit.</translation>
    </message>
    <message>
        <source>The last PIN is still being checked.</source>
        <translation>The last PIN is still being checked.</translation>
    </message>
    <message>
        <source>Wrong PIN.</source>
        <translation>Wrong PIN.</translation>
    </message>
</context>
<context>
    <name>Kiosk::Ui::CaseView</name>
    <message>
        <source>Document as read</source>
        <translation>Document as read</translation>
    </message>
    <message>
        <source>Photo</source>
        <translation>Photo</translation>
    </message>
    <message>
        <source>Visa seal</source>
        <translation>Visa seal</translation>
    </message>
    <message>
        <source>Boarding pass</source>
        <translation>Boarding pass</translation>
    </message>
    <message>
        <source>Reasons</source>
        <translation>Reasons</translation>
    </message>
    <message>
        <source>Watchlist hits (officer only)</source>
        <translation>Watchlist hits (officer only)</translation>
    </message>
    <message>
        <source>Crossing history (all checkpoints)</source>
        <translation>Crossing history (all checkpoints)</translation>
    </message>
    <message>
        <source>Place a document on the reader, or press F6 to type the MRZ.</source>
        <translation>Place a document on the reader, or press F6 to type the MRZ.</translation>
    </message>
    <message>
        <source>The document could not be read. Press F6 to type the MRZ.</source>
        <translation>The document could not be read. Press F6 to type the MRZ.</translation>
    </message>
    <message>
        <source>The check could not be completed.</source>
        <translation>The check could not be completed.</translation>
    </message>
    <message numerus="yes">
        <source>Overstay: %n day(s)</source>
        <translation>
            <numerusform>Overstay: %n day</numerusform>
            <numerusform>Overstay: %n days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Allowed until %1 — %n day(s) remaining</source>
        <translation>
            <numerusform>Allowed until %1 — %n day remaining</numerusform>
            <numerusform>Allowed until %1 — %n days remaining</numerusform>
        </translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; at %2 by the officer on duty — event %3 (no. %4), queued for sync.</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; at %2 by the officer on duty — event %3 (no. %4), queued for sync.</translation>
    </message>
    <message>
        <source>Override reason: %1</source>
        <translation>Override reason: %1</translation>
    </message>
    <message>
        <source>✔ check digit OK</source>
        <translation>✔ check digit OK</translation>
    </message>
    <message>
        <source>✖ check digit FAILS</source>
        <translation>✖ check digit FAILS</translation>
    </message>
    <message>
        <source>Corrected by the check digit: %1</source>
        <translation>Corrected by the check digit: %1</translation>
    </message>
    <message>
        <source>(corrected: %1)</source>
        <translation>(corrected: %1)</translation>
    </message>
    <message>
        <source>Format %1; read by %2.</source>
        <translation>Format %1; read by %2.</translation>
    </message>
    <message>
        <source>✔ composite check digit OK</source>
        <translation>✔ composite check digit OK</translation>
    </message>
    <message>
        <source>✖ composite check digit FAILS</source>
        <translation>✖ composite check digit FAILS</translation>
    </message>
    <message>
        <source>Allowed until: &lt;b&gt;%1&lt;/b&gt;</source>
        <translation>Allowed until: &lt;b&gt;%1&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Days allowed: %1</source>
        <translation>Days allowed: %1</translation>
    </message>
    <message>
        <source>Days used: %1</source>
        <translation>Days used: %1</translation>
    </message>
    <message>
        <source>Days remaining: &lt;b&gt;%1&lt;/b&gt;</source>
        <translation>Days remaining: &lt;b&gt;%1&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Policy %1</source>
        <translation>Policy %1</translation>
    </message>
    <message>
        <source>No crossings on record.</source>
        <translation>No crossings on record.</translation>
    </message>
    <message>
        <source>(this checkpoint)</source>
        <translation>(this checkpoint)</translation>
    </message>
    <message>
        <source>entry %1, matched on %2</source>
        <translation>entry %1, matched on %2</translation>
    </message>
    <message>
        <source>Signer: %1</source>
        <translation>Signer: %1</translation>
    </message>
    <message numerus="yes">
        <source>Visa %1: valid %2 to %3, %n day(s)</source>
        <translation>
            <numerusform>Visa %1: valid %2 to %3, %n day</numerusform>
            <numerusform>Visa %1: valid %2 to %3, %n days</numerusform>
        </translation>
    </message>
    <message>
        <source>Flight &lt;b&gt;%1&lt;/b&gt; %2 → %3 on %4, seat %5</source>
        <translation>Flight &lt;b&gt;%1&lt;/b&gt; %2 → %3 on %4, seat %5</translation>
    </message>
    <message>
        <source>✔ name matches the document</source>
        <translation>✔ name matches the document</translation>
    </message>
    <message>
        <source>✖ name differs from the document</source>
        <translation>✖ name differs from the document</translation>
    </message>
</context>
<context>
    <name>Kiosk::Ui::ConsoleText</name>
    <message>
        <source>Document type</source>
        <translation>Document type</translation>
    </message>
    <message>
        <source>Issuing state</source>
        <translation>Issuing state</translation>
    </message>
    <message>
        <source>Surname</source>
        <translation>Surname</translation>
    </message>
    <message>
        <source>Given names</source>
        <translation>Given names</translation>
    </message>
    <message>
        <source>Document number</source>
        <translation>Document number</translation>
    </message>
    <message>
        <source>Nationality</source>
        <translation>Nationality</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>Date of birth</translation>
    </message>
    <message>
        <source>Sex</source>
        <translation>Sex</translation>
    </message>
    <message>
        <source>Date of expiry</source>
        <translation>Date of expiry</translation>
    </message>
    <message>
        <source>Personal number</source>
        <translation>Personal number</translation>
    </message>
    <message>
        <source>Optional data</source>
        <translation>Optional data</translation>
    </message>
    <message>
        <source>ADMIT</source>
        <translation>ADMIT</translation>
    </message>
    <message>
        <source>REFER</source>
        <translation>REFER</translation>
    </message>
    <message>
        <source>REFUSE</source>
        <translation>REFUSE</translation>
    </message>
    <message>
        <source>may cross</source>
        <translation>may cross</translation>
    </message>
    <message>
        <source>officer must decide</source>
        <translation>officer must decide</translation>
    </message>
    <message>
        <source>entry not allowed</source>
        <translation>entry not allowed</translation>
    </message>
    <message>
        <source>Visa-free nationality: may stay without a visa</source>
        <translation>Visa-free nationality: may stay without a visa</translation>
    </message>
    <message>
        <source>Holds a valid visa</source>
        <translation>Holds a valid visa</translation>
    </message>
    <message>
        <source>A visa is required and none was found</source>
        <translation>A visa is required and none was found</translation>
    </message>
    <message>
        <source>The visa has expired</source>
        <translation>The visa has expired</translation>
    </message>
    <message>
        <source>The visa&apos;s entries are used up</source>
        <translation>The visa&apos;s entries are used up</translation>
    </message>
    <message>
        <source>The passport has expired</source>
        <translation>The passport has expired</translation>
    </message>
    <message>
        <source>A check digit of the document failed</source>
        <translation>A check digit of the document failed</translation>
    </message>
    <message>
        <source>Entry ban on record</source>
        <translation>Entry ban on record</translation>
    </message>
    <message>
        <source>Document reported lost or stolen: retain it</source>
        <translation>Document reported lost or stolen: retain it</translation>
    </message>
    <message>
        <source>Person is wanted</source>
        <translation>Person is wanted</translation>
    </message>
    <message>
        <source>Protected person: not to be deported</source>
        <translation>Protected person: not to be deported</translation>
    </message>
    <message>
        <source>Stayed longer than allowed</source>
        <translation>Stayed longer than allowed</translation>
    </message>
    <message>
        <source>Citizen&apos;s exit is restricted</source>
        <translation>Citizen&apos;s exit is restricted</translation>
    </message>
    <message>
        <source>The previous exit was never recorded</source>
        <translation>The previous exit was never recorded</translation>
    </message>
    <message>
        <source>No entry on record for this exit</source>
        <translation>No entry on record for this exit</translation>
    </message>
    <message>
        <source>Holds a valid residence permit</source>
        <translation>Holds a valid residence permit</translation>
    </message>
    <message>
        <source>Permit expired, within the grace period to leave</source>
        <translation>Permit expired, within the grace period to leave</translation>
    </message>
    <message>
        <source>The permit has expired</source>
        <translation>The permit has expired</translation>
    </message>
    <message>
        <source>Citizen: free to cross</source>
        <translation>Citizen: free to cross</translation>
    </message>
    <message>
        <source>Minor travelling</source>
        <translation>Minor travelling</translation>
    </message>
    <message>
        <source>The policy in force is out of date</source>
        <translation>The policy in force is out of date</translation>
    </message>
    <message>
        <source>The watchlists are out of date</source>
        <translation>The watchlists are out of date</translation>
    </message>
    <message>
        <source>Crossing records differ from the signed log</source>
        <translation>Crossing records differ from the signed log</translation>
    </message>
    <message>
        <source>Possibly the same person as another record</source>
        <translation>Possibly the same person as another record</translation>
    </message>
    <message>
        <source>Entry ban</source>
        <translation>Entry ban</translation>
    </message>
    <message>
        <source>Lost or stolen document</source>
        <translation>Lost or stolen document</translation>
    </message>
    <message>
        <source>Wanted</source>
        <translation>Wanted</translation>
    </message>
    <message>
        <source>Protected person</source>
        <translation>Protected person</translation>
    </message>
    <message>
        <source>Exit restriction</source>
        <translation>Exit restriction</translation>
    </message>
    <message>
        <source>Entry</source>
        <translation>Entry</translation>
    </message>
    <message>
        <source>Exit</source>
        <translation>Exit</translation>
    </message>
    <message>
        <source>signature not checked</source>
        <translation>signature not checked</translation>
    </message>
    <message>
        <source>signature valid</source>
        <translation>signature valid</translation>
    </message>
    <message>
        <source>signature INVALID</source>
        <translation>signature INVALID</translation>
    </message>
    <message>
        <source>signer unknown: cannot verify</source>
        <translation>signer unknown: cannot verify</translation>
    </message>
    <message>
        <source>Entry recorded</source>
        <translation>Entry recorded</translation>
    </message>
    <message>
        <source>Exit recorded</source>
        <translation>Exit recorded</translation>
    </message>
    <message>
        <source>Referred to secondary inspection</source>
        <translation>Referred to secondary inspection</translation>
    </message>
    <message>
        <source>Recorded with override</source>
        <translation>Recorded with override</translation>
    </message>
    <message>
        <source>The visa-free days are used up</source>
        <translation>The visa-free days are used up</translation>
    </message>
    <message>
        <source>Visa fee waived for this nationality</source>
        <translation>Visa fee waived for this nationality</translation>
    </message>
    <message>
        <source>Stay shortened to the passport&apos;s expiry date</source>
        <translation>Stay shortened to the passport&apos;s expiry date</translation>
    </message>
    <message>
        <source>Holds a valid work permit</source>
        <translation>Holds a valid work permit</translation>
    </message>
    <message>
        <source>Stateless person: treated as a foreign national</source>
        <translation>Stateless person: treated as a foreign national</translation>
    </message>
    <message>
        <source>Refugee: travels under the refugee regime</source>
        <translation>Refugee: travels under the refugee regime</translation>
    </message>
</context>
<context>
    <name>Kiosk::Ui::ConsoleWindow</name>
    <message>
        <source>Border kiosk — officer console — %1</source>
        <translation>Border kiosk — officer console — %1</translation>
    </message>
    <message>
        <source>Actions</source>
        <translation>Actions</translation>
    </message>
    <message>
        <source>Record entry</source>
        <translation>Record entry</translation>
    </message>
    <message>
        <source>Record exit</source>
        <translation>Record exit</translation>
    </message>
    <message>
        <source>Refer to secondary</source>
        <translation>Refer to secondary</translation>
    </message>
    <message>
        <source>Override…</source>
        <translation>Override…</translation>
    </message>
    <message>
        <source>Type MRZ…</source>
        <translation>Type MRZ…</translation>
    </message>
    <message>
        <source>Switch lane direction</source>
        <translation>Switch lane direction</translation>
    </message>
    <message>
        <source>Next traveller</source>
        <translation>Next traveller</translation>
    </message>
    <message>
        <source>Lock</source>
        <translation>Lock</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>Sign out</translation>
    </message>
    <message>
        <source>Officer %1</source>
        <translation>Officer %1</translation>
    </message>
    <message>
        <source>Lane: %1</source>
        <translation>Lane: %1</translation>
    </message>
    <message>
        <source>%1. Read the next document.</source>
        <translation>%1. Read the next document.</translation>
    </message>
    <message>
        <source>Referred to secondary inspection.</source>
        <translation>Referred to secondary inspection.</translation>
    </message>
    <message>
        <source>Recorded with override; the override is its own signed event.</source>
        <translation>Recorded with override; the override is its own signed event.</translation>
    </message>
    <message>
        <source>manual entry</source>
        <translation>manual entry</translation>
    </message>
</context>
<context>
    <name>Kiosk::Ui::InfoText</name>
    <message>
        <source>Azerbaijan</source>
        <translation>Azerbaijan</translation>
    </message>
    <message>
        <source>Belarus</source>
        <translation>Belarus</translation>
    </message>
    <message>
        <source>Georgia</source>
        <translation>Georgia</translation>
    </message>
    <message>
        <source>Japan</source>
        <translation>Japan</translation>
    </message>
    <message>
        <source>Kazakhstan</source>
        <translation>Kazakhstan</translation>
    </message>
    <message>
        <source>Kyrgyzstan</source>
        <translation>Kyrgyzstan</translation>
    </message>
    <message>
        <source>Moldova</source>
        <translation>Moldova</translation>
    </message>
    <message>
        <source>Mongolia</source>
        <translation>Mongolia</translation>
    </message>
    <message>
        <source>Pakistan</source>
        <translation>Pakistan</translation>
    </message>
    <message>
        <source>Russia</source>
        <translation>Russia</translation>
    </message>
    <message>
        <source>Tajikistan</source>
        <translation>Tajikistan</translation>
    </message>
    <message>
        <source>Turkey</source>
        <translation>Turkey</translation>
    </message>
    <message>
        <source>Ukraine</source>
        <translation>Ukraine</translation>
    </message>
    <message>
        <source>Uzbekistan</source>
        <translation>Uzbekistan</translation>
    </message>
    <message>
        <source>Visas</source>
        <translation>Visas</translation>
    </message>
    <message>
        <source>Work permits</source>
        <translation>Work permits</translation>
    </message>
    <message numerus="yes">
        <source>Citizens of %1 may enter without a visa and stay for up to %n day(s).</source>
        <translation>
            <numerusform>Citizens of %1 may enter without a visa and stay for up to %n day.</numerusform>
            <numerusform>Citizens of %1 may enter without a visa and stay for up to %n days.</numerusform>
        </translation>
    </message>
    <message>
        <source>Everyone else needs a visa. The stay allowed is the period written on the visa.</source>
        <translation>Everyone else needs a visa. The stay allowed is the period written on the visa.</translation>
    </message>
    <message>
        <source>%1: without a fee</source>
        <translation>%1: without a fee</translation>
    </message>
    <message numerus="yes">
        <source>%1: without a fee for stays of up to %n day(s)</source>
        <translation>
            <numerusform>%1: without a fee for stays of up to %n day</numerusform>
            <numerusform>%1: without a fee for stays of up to %n days</numerusform>
        </translation>
    </message>
    <message>
        <source>Some citizens receive the visa without paying the fee:</source>
        <translation>Some citizens receive the visa without paying the fee:</translation>
    </message>
    <message>
        <source>Visas are issued by the embassies and consulates of Azerbaijan.</source>
        <translation>Visas are issued by the embassies and consulates of Azerbaijan.</translation>
    </message>
    <message>
        <source>Documents for a visa application:</source>
        <translation>Documents for a visa application:</translation>
    </message>
    <message>
        <source>the completed application form</source>
        <translation>the completed application form</translation>
    </message>
    <message>
        <source>two colour photographs, 3 × 4 cm</source>
        <translation>two colour photographs, 3 × 4 cm</translation>
    </message>
    <message>
        <source>your passport (stateless persons: an identity document)</source>
        <translation>your passport (stateless persons: an identity document)</translation>
    </message>
    <message>
        <source>a declaration from the host party</source>
        <translation>a declaration from the host party</translation>
    </message>
    <message>
        <source>a cheque for the fee</source>
        <translation>a cheque for the fee</translation>
    </message>
    <message>
        <source>Anyone who arrives without a valid passport, visa or other document that entitles them to cross the border is sent back to the country they came from.</source>
        <translation>Anyone who arrives without a valid passport, visa or other document that entitles them to cross the border is sent back to the country they came from.</translation>
    </message>
    <message>
        <source>If necessary, a temporary stay can be extended: apply to the State Migration Service.</source>
        <translation>If necessary, a temporary stay can be extended: apply to the State Migration Service.</translation>
    </message>
    <message>
        <source>Foreign nationals may work in Azerbaijan only after receiving a work permit.</source>
        <translation>Foreign nationals may work in Azerbaijan only after receiving a work permit.</translation>
    </message>
    <message>
        <source>The employer applies for the permit. It is issued for one year and can be renewed four times, each time for one more year.</source>
        <translation>The employer applies for the permit. It is issued for one year and can be renewed four times, each time for one more year.</translation>
    </message>
    <message>
        <source>The employer may apply before you arrive; you then receive a copy of the employment contract before you enter the country.</source>
        <translation>The employer may apply before you arrive; you then receive a copy of the employment contract before you enter the country.</translation>
    </message>
    <message>
        <source>Work permits are issued by the State Migration Service.</source>
        <translation>Work permits are issued by the State Migration Service.</translation>
    </message>
    <message>
        <source>No work permit is needed for:</source>
        <translation>No work permit is needed for:</translation>
    </message>
    <message>
        <source>persons permanently resident in Azerbaijan</source>
        <translation>persons permanently resident in Azerbaijan</translation>
    </message>
    <message>
        <source>persons engaged in business activities</source>
        <translation>persons engaged in business activities</translation>
    </message>
    <message>
        <source>senior staff of organisations set up under international agreements</source>
        <translation>senior staff of organisations set up under international agreements</translation>
    </message>
    <message>
        <source>staff of diplomatic missions and consular offices</source>
        <translation>staff of diplomatic missions and consular offices</translation>
    </message>
    <message>
        <source>staff of international organisations</source>
        <translation>staff of international organisations</translation>
    </message>
    <message>
        <source>persons on a mission of no more than three months</source>
        <translation>persons on a mission of no more than three months</translation>
    </message>
    <message>
        <source>persons in religious activities of state-registered religious organisations</source>
        <translation>persons in religious activities of state-registered religious organisations</translation>
    </message>
    <message>
        <source>accredited media staff</source>
        <translation>accredited media staff</translation>
    </message>
    <message>
        <source>sailors</source>
        <translation>sailors</translation>
    </message>
    <message>
        <source>athletes and artists</source>
        <translation>athletes and artists</translation>
    </message>
    <message>
        <source>university teachers invited to lecture, lecturers and scientific researchers</source>
        <translation>university teachers invited to lecture, lecturers and scientific researchers</translation>
    </message>
    <message>
        <source>Working without the required work permit makes a person an illegal migrant.</source>
        <translation>Working without the required work permit makes a person an illegal migrant.</translation>
    </message>
    <message>
        <source>To stay in Azerbaijan for more than 90 days you need permission: apply to the State Migration Service for a temporary residence permit.</source>
        <translation>To stay in Azerbaijan for more than 90 days you need permission: apply to the State Migration Service for a temporary residence permit.</translation>
    </message>
    <message>
        <source>A temporary residence permit is issued, among others, to:</source>
        <translation>A temporary residence permit is issued, among others, to:</translation>
    </message>
    <message>
        <source>close relatives of Azerbaijani citizens</source>
        <translation>close relatives of Azerbaijani citizens</translation>
    </message>
    <message>
        <source>spouses of Azerbaijani citizens</source>
        <translation>spouses of Azerbaijani citizens</translation>
    </message>
    <message>
        <source>holders of a work permit</source>
        <translation>holders of a work permit</translation>
    </message>
    <message>
        <source>full-time students in Azerbaijan</source>
        <translation>full-time students in Azerbaijan</translation>
    </message>
    <message>
        <source>highly qualified specialists and top athletes</source>
        <translation>highly qualified specialists and top athletes</translation>
    </message>
    <message>
        <source>persons who have deposited 50,000 manats in an Azerbaijani bank</source>
        <translation>persons who have deposited 50,000 manats in an Azerbaijani bank</translation>
    </message>
    <message>
        <source>persons who have invested at least 500,000 manats in the economy of Azerbaijan</source>
        <translation>persons who have invested at least 500,000 manats in the economy of Azerbaijan</translation>
    </message>
    <message>
        <source>The permit is granted for one year and may be extended for not more than four years.</source>
        <translation>The permit is granted for one year and may be extended for not more than four years.</translation>
    </message>
    <message>
        <source>After at least two years of legal temporary residence you may be granted permanent residence (immigrant status).</source>
        <translation>After at least two years of legal temporary residence you may be granted permanent residence (immigrant status).</translation>
    </message>
    <message>
        <source>With a temporary or permanent residence permit you leave and return on your passport and the permit; no return visa is needed.</source>
        <translation>With a temporary or permanent residence permit you leave and return on your passport and the permit; no return visa is needed.</translation>
    </message>
    <message>
        <source>Staying longer than the law or your visa allows makes you an illegal migrant: a fine or deportation may follow.</source>
        <translation>Staying longer than the law or your visa allows makes you an illegal migrant: a fine or deportation may follow.</translation>
    </message>
    <message>
        <source>Migration Information Centre of the State Migration Service: telephone 919, in Azerbaijani, Russian and English.</source>
        <translation>Migration Information Centre of the State Migration Service: telephone 919, in Azerbaijani, Russian and English.</translation>
    </message>
    <message>
        <source>Official websites, with information on entry, residence, work, fees and your rights:</source>
        <translation>Official websites, with information on entry, residence, work, fees and your rights:</translation>
    </message>
    <message>
        <source>www.migration.gov.az: State Migration Service</source>
        <translation>www.migration.gov.az: State Migration Service</translation>
    </message>
    <message>
        <source>www.mfa.gov.az: Ministry of Foreign Affairs</source>
        <translation>www.mfa.gov.az: Ministry of Foreign Affairs</translation>
    </message>
    <message>
        <source>www.mia.gov.az: Ministry of Internal Affairs</source>
        <translation>www.mia.gov.az: Ministry of Internal Affairs</translation>
    </message>
    <message>
        <source>On the State Migration Service&apos;s website you can ask a question through its question-and-answer service or by e-mail.</source>
        <translation>On the State Migration Service&apos;s website you can ask a question through its question-and-answer service or by e-mail.</translation>
    </message>
    <message>
        <source>The embassies and consulates of Azerbaijan give this information on request, free of charge.</source>
        <translation>The embassies and consulates of Azerbaijan give this information on request, free of charge.</translation>
    </message>
    <message>
        <source>Please see a border officer.</source>
        <translation>Please see a border officer.</translation>
    </message>
    <message>
        <source>A border officer will answer your questions about your entry and stay.</source>
        <translation>A border officer will answer your questions about your entry and stay.</translation>
    </message>
    <message>
        <source>With this passport a visa is needed to enter Azerbaijan. Visas are issued by the embassies and consulates of Azerbaijan (§19, §20).</source>
        <translation>With this passport a visa is needed to enter Azerbaijan. Visas are issued by the embassies and consulates of Azerbaijan (§19, §20).</translation>
    </message>
    <message numerus="yes">
        <source>For your nationality the visa is issued without a fee for stays of up to %n day(s) (§21).</source>
        <translation>
            <numerusform>For your nationality the visa is issued without a fee for stays of up to %n day (§21).</numerusform>
            <numerusform>For your nationality the visa is issued without a fee for stays of up to %n days (§21).</numerusform>
        </translation>
    </message>
    <message>
        <source>For your nationality the visa is issued without a fee (§21).</source>
        <translation>For your nationality the visa is issued without a fee (§21).</translation>
    </message>
    <message>
        <source>Welcome home.</source>
        <translation>Welcome home.</translation>
    </message>
    <message>
        <source>Citizens of Azerbaijan enter, stay and leave freely (§225).</source>
        <translation>Citizens of Azerbaijan enter, stay and leave freely (§225).</translation>
    </message>
    <message>
        <source>You may stay in Azerbaijan until %1.</source>
        <translation>You may stay in Azerbaijan until %1.</translation>
    </message>
    <message>
        <source>Today is the last day of your stay.</source>
        <translation>Today is the last day of your stay.</translation>
    </message>
    <message numerus="yes">
        <source>That is %n more day(s) after today.</source>
        <translation>
            <numerusform>That is %n more day after today.</numerusform>
            <numerusform>That is %n more days after today.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>With your passport you need no visa: up to %n day(s) from each entry (§21, §127).</source>
        <translation>
            <numerusform>With your passport you need no visa: up to %n day from each entry (§21, §127).</numerusform>
            <numerusform>With your passport you need no visa: up to %n days from each entry (§21, §127).</numerusform>
        </translation>
    </message>
    <message>
        <source>Your stay is the period on your visa (§19, §127).</source>
        <translation>Your stay is the period on your visa (§19, §127).</translation>
    </message>
    <message>
        <source>Your residence permit covers the stay; with it you leave and return without a visa (§44).</source>
        <translation>Your residence permit covers the stay; with it you leave and return without a visa (§44).</translation>
    </message>
    <message>
        <source>This is the expiry date of your passport: a stay never goes beyond it.</source>
        <translation>This is the expiry date of your passport: a stay never goes beyond it.</translation>
    </message>
    <message>
        <source>To stay longer, apply to the State Migration Service for a temporary residence permit (§128–131).</source>
        <translation>To stay longer, apply to the State Migration Service for a temporary residence permit (§128–131).</translation>
    </message>
    <message>
        <source>To work in Azerbaijan you need a work permit, unless you are exempt (§80, §86).</source>
        <translation>To work in Azerbaijan you need a work permit, unless you are exempt (§80, §86).</translation>
    </message>
    <message>
        <source>Welcome to Azerbaijan</source>
        <translation>Welcome to Azerbaijan</translation>
    </message>
    <message>
        <source>Place your passport on the reader, photo page down, to see how long you may stay.</source>
        <translation>Place your passport on the reader, photo page down, to see how long you may stay.</translation>
    </message>
    <message>
        <source>This screen only gives information. Nothing is recorded, and your data is cleared when you leave.</source>
        <translation>This screen only gives information. Nothing is recorded, and your data is cleared when you leave.</translation>
    </message>
    <message>
        <source>Information without a passport:</source>
        <translation>Information without a passport:</translation>
    </message>
    <message>
        <source>Questions? Migration Information Centre: call 919 (Azerbaijani, Russian, English).</source>
        <translation>Questions? Migration Information Centre: call 919 (Azerbaijani, Russian, English).</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Language</translation>
    </message>
    <message>
        <source>Show this screen in %1</source>
        <translation>Show this screen in %1</translation>
    </message>
    <message>
        <source>Finish</source>
        <translation>Finish</translation>
    </message>
    <message>
        <source>Clear the screen and return to the start</source>
        <translation>Clear the screen and return to the start</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Back</translation>
    </message>
    <message>
        <source>Return to the previous screen</source>
        <translation>Return to the previous screen</translation>
    </message>
    <message>
        <source>Open the page: %1</source>
        <translation>Open the page: %1</translation>
    </message>
    <message>
        <source>Source: %1</source>
        <extracomment>The paragraphs of the source report a statement comes from, e.g. &quot;Source: §20&quot;.</extracomment>
        <translation>Source: %1</translation>
    </message>
    <message>
        <source>Information for travellers</source>
        <translation>Information for travellers</translation>
    </message>
    <message>
        <source>Staff only</source>
        <translation>Staff only</translation>
    </message>
    <message>
        <source>Enter the staff PIN to leave the information screen.</source>
        <translation>Enter the staff PIN to leave the information screen.</translation>
    </message>
    <message>
        <source>Staff PIN</source>
        <translation>Staff PIN</translation>
    </message>
    <message>
        <source>Leave</source>
        <translation>Leave</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Wrong PIN.</source>
        <translation>Wrong PIN.</translation>
    </message>
    <message>
        <source>Longer stays</source>
        <translation>Longer stays</translation>
    </message>
    <message>
        <source>Help: 919</source>
        <translation>Help: 919</translation>
    </message>
</context>
<context>
    <name>Kiosk::Ui::ManualMrzDialog</name>
    <message>
        <source>Type the MRZ</source>
        <translation>Type the MRZ</translation>
    </message>
    <message>
        <source>Machine readable zone, two or three lines</source>
        <translation>Machine readable zone, two or three lines</translation>
    </message>
    <message>
        <source>Check this document</source>
        <translation>Check this document</translation>
    </message>
    <message>
        <source>Type the lines at the bottom of the data page; use &lt; for the filler.</source>
        <translation>Type the lines at the bottom of the data page; use &lt; for the filler.</translation>
    </message>
    <message>
        <source>Waiting for input.</source>
        <translation>Waiting for input.</translation>
    </message>
    <message numerus="yes">
        <source>Line %1: %n character(s)</source>
        <translation>
            <numerusform>Line %1: %n character</numerusform>
            <numerusform>Line %1: %n characters</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: check digit OK</source>
        <translation>%1: check digit OK</translation>
    </message>
    <message>
        <source>%1: check digit FAILS</source>
        <translation>%1: check digit FAILS</translation>
    </message>
    <message>
        <source>✔ composite check digit OK</source>
        <translation>✔ composite check digit OK</translation>
    </message>
    <message>
        <source>✖ composite check digit FAILS</source>
        <translation>✖ composite check digit FAILS</translation>
    </message>
</context>
<context>
    <name>Kiosk::Ui::OverrideDialog</name>
    <message>
        <source>Override the verdict</source>
        <translation>Override the verdict</translation>
    </message>
    <message>
        <source>Reason for the override</source>
        <translation>Reason for the override</translation>
    </message>
    <message>
        <source>Record with override</source>
        <translation>Record with override</translation>
    </message>
    <message>
        <source>Current verdict</source>
        <translation>Current verdict</translation>
    </message>
    <message>
        <source>New verdict</source>
        <translation>New verdict</translation>
    </message>
    <message>
        <source>Record as</source>
        <translation>Record as</translation>
    </message>
    <message>
        <source>Reason (required)</source>
        <translation>Reason (required)</translation>
    </message>
    <message>
        <source>Choose a verdict different from the current one.</source>
        <translation>Choose a verdict different from the current one.</translation>
    </message>
    <message numerus="yes">
        <source>Type the reason: at least %n characters. It is recorded and signed with your id.</source>
        <translation>
            <numerusform>Type the reason: at least %n characters. It is recorded and signed with your id.</numerusform>
            <numerusform>Type the reason: at least %n characters. It is recorded and signed with your id.</numerusform>
        </translation>
    </message>
    <message>
        <source>The override is recorded as its own signed event.</source>
        <translation>The override is recorded as its own signed event.</translation>
    </message>
</context>
<context>
    <name>Kiosk::Ui::SignInPage</name>
    <message>
        <source>Operator id</source>
        <translation>Operator id</translation>
    </message>
    <message>
        <source>PIN</source>
        <translation>PIN</translation>
    </message>
    <message>
        <source>Officer sign-in</source>
        <translation>Officer sign-in</translation>
    </message>
    <message>
        <source>Sign in (Enter)</source>
        <translation>Sign in (Enter)</translation>
    </message>
    <message>
        <source>Console locked</source>
        <translation>Console locked</translation>
    </message>
    <message>
        <source>Unlock (Enter)</source>
        <translation>Unlock (Enter)</translation>
    </message>
</context>
<context>
    <name>Kiosk::Ui::SyncStatusWidget</name>
    <message numerus="yes">
        <source>%n s</source>
        <translation>
            <numerusform>%n s</numerusform>
            <numerusform>%n s</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n min</source>
        <translation>
            <numerusform>%n min</numerusform>
            <numerusform>%n min</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n h</source>
        <translation>
            <numerusform>%n h</numerusform>
            <numerusform>%n h</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n d</source>
        <translation>
            <numerusform>%n d</numerusform>
            <numerusform>%n d</numerusform>
        </translation>
    </message>
    <message>
        <source>● Online</source>
        <translation>● Online</translation>
    </message>
    <message>
        <source>○ Offline</source>
        <translation>○ Offline</translation>
    </message>
    <message>
        <source>Last error: %1</source>
        <translation>Last error: %1</translation>
    </message>
    <message>
        <source>No events pending</source>
        <translation>No events pending</translation>
    </message>
    <message numerus="yes">
        <source>%n event(s) pending, oldest %1</source>
        <translation>
            <numerusform>%n event pending, oldest %1</numerusform>
            <numerusform>%n events pending, oldest %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n event(s) pending</source>
        <translation>
            <numerusform>%n event pending</numerusform>
            <numerusform>%n events pending</numerusform>
        </translation>
    </message>
    <message>
        <source>Last sync %1 ago</source>
        <translation>Last sync %1 ago</translation>
    </message>
    <message>
        <source>Never synced</source>
        <translation>Never synced</translation>
    </message>
    <message>
        <source>No policy</source>
        <translation>No policy</translation>
    </message>
    <message>
        <source>Policy %1</source>
        <translation>Policy %1</translation>
    </message>
    <message>
        <source>⚠ Watchlists not loaded</source>
        <translation>⚠ Watchlists not loaded</translation>
    </message>
    <message>
        <source>⚠ Watchlists STALE: %1 old</source>
        <translation>⚠ Watchlists STALE: %1 old</translation>
    </message>
    <message>
        <source>Watchlists %1 old</source>
        <translation>Watchlists %1 old</translation>
    </message>
    <message numerus="yes">
        <source>⚠ %n event(s) REJECTED by central</source>
        <translation>
            <numerusform>⚠ %n event REJECTED by central</numerusform>
            <numerusform>⚠ %n events REJECTED by central</numerusform>
        </translation>
    </message>
    <message>
        <source>⚠ Central answering wrongly</source>
        <translation>⚠ Central answering wrongly</translation>
    </message>
    <message>
        <source>Sync failed: %1</source>
        <translation>Sync failed: %1</translation>
    </message>
    <message numerus="yes">
        <source>⚠ %n pulled event(s) unverified</source>
        <translation>
            <numerusform>⚠ %n pulled event unverified</numerusform>
            <numerusform>⚠ %n pulled events unverified</numerusform>
        </translation>
    </message>
    <message>
        <source>Events of other checkpoints that do not verify yet: kept aside and retried each round</source>
        <translation>Events of other checkpoints that do not verify yet: kept aside and retried each round</translation>
    </message>
</context>
<context>
    <name>Kiosk::Ui::VerdictBanner</name>
    <message>
        <source>Place a document on the reader.</source>
        <translation>Place a document on the reader.</translation>
    </message>
    <message>
        <source>%1 — %2 (%3)</source>
        <translation>%1 — %2 (%3)</translation>
    </message>
    <message>
        <source>No verdict</source>
        <translation>No verdict</translation>
    </message>
</context>
<context>
    <name>border-kiosk</name>
    <message>
        <source> — DEMO (sign in as %1, PIN %2)</source>
        <translation> — DEMO (sign in as %1, PIN %2)</translation>
    </message>
</context>
</TS>
