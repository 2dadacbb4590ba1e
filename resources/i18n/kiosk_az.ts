<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="az" sourcelanguage="en">
<context>
    <name>Kiosk::Session::CheckpointSession</name>
    <message numerus="yes">
        <source>Too many failed attempts. Try again in %n second(s).</source>
        <translation>
            <numerusform>Həddindən çox uğursuz cəhd. %n saniyədən sonra yenidən cəhd edin.</numerusform>
            <numerusform>Həddindən çox uğursuz cəhd. %n saniyədən sonra yenidən cəhd edin.</numerusform>
        </translation>
    </message>
    <message>
        <source>Unknown operator or wrong PIN.</source>
        <translation>Naməlum operator və ya yanlış PIN kod.</translation>
    </message>
    <message>
        <source>The information screen has no operator sign-in.</source>
        <translation>Məlumat ekranında operator girişi yoxdur.</translation>
    </message>
    <message>
        <source>Nobody is signed in.</source>
        <translation>Heç kim sistemə daxil olmayıb.</translation>
    </message>
    <message>
        <source>The information screen cannot record.</source>
        <translation>Məlumat ekranı heç nəyi qeydə ala bilməz.</translation>
    </message>
    <message>
        <source>Sign in or unlock first.</source>
        <translation>Əvvəlcə sistemə daxil olun və ya kilidi açın.</translation>
    </message>
    <message>
        <source>A document was read while the console is locked; it was ignored.</source>
        <translation>Konsol kilidli olarkən sənəd oxundu; nəzərə alınmadı.</translation>
    </message>
    <message>
        <source>The check could not be completed: %1</source>
        <translation>Yoxlama başa çatdırıla bilmədi: %1</translation>
    </message>
    <message>
        <source>There is no document to record.</source>
        <translation>Qeydə alınacaq sənəd yoxdur.</translation>
    </message>
    <message>
        <source>This case is already recorded; read the next document.</source>
        <translation>Bu hal artıq qeydə alınıb; növbəti sənədi oxudun.</translation>
    </message>
    <message>
        <source>The document could not be read; use manual entry.</source>
        <translation>Sənəd oxuna bilmədi; məlumatları əl ilə daxil edin.</translation>
    </message>
    <message>
        <source>The check could not be completed; refer or override.</source>
        <translation>Yoxlama başa çatdırıla bilmədi; əlavə yoxlamaya göndərin və ya qərarı dəyişdirin.</translation>
    </message>
    <message>
        <source>The verdict is %1: record the crossing only with an override and its reason, or refer.</source>
        <translation>Qərar: %1. Keçidi yalnız qərarı dəyişdirib səbəbini göstərməklə qeydə alın və ya əlavə yoxlamaya göndərin.</translation>
    </message>
    <message numerus="yes">
        <source>An override needs a typed reason of at least %n characters.</source>
        <translation>
            <numerusform>Qərarı dəyişdirmək üçün ən azı %n simvoldan ibarət səbəb yazılmalıdır.</numerusform>
            <numerusform>Qərarı dəyişdirmək üçün ən azı %n simvoldan ibarət səbəb yazılmalıdır.</numerusform>
        </translation>
    </message>
    <message>
        <source>The override must change the verdict.</source>
        <translation>Yeni qərar əvvəlkindən fərqlənməlidir.</translation>
    </message>
    <message>
        <source>A barcode was read while the console is locked; it was ignored.</source>
        <translation>Konsol kilidli olarkən ştrix-kod oxundu; nəzərə alınmadı.</translation>
    </message>
    <message>
        <source>Read the passport as well: a boarding pass or a seal alone is not a travel document.</source>
        <translation>Pasportu da oxudun: minik talonu və ya viza möhürü tək başına səyahət sənədi deyil.</translation>
    </message>
    <message>
        <source>The barcode image could not be read.</source>
        <translation>Ştrix-kodun təsviri oxuna bilmədi.</translation>
    </message>
    <message>
        <source>No barcode was found in the image.</source>
        <translation>Təsvirdə ştrix-kod tapılmadı.</translation>
    </message>
    <message>
        <source>The scanned image could not be read.</source>
        <translation>Skan edilmiş təsvir oxuna bilmədi.</translation>
    </message>
    <message>
        <source>camera (OCR)</source>
        <translation>kamera (OCR)</translation>
    </message>
    <message>
        <source>No machine-readable zone was found in the image.</source>
        <translation>Təsvirdə maşınla oxunan zona tapılmadı.</translation>
    </message>
    <message>
        <source>The machine-readable zone could not be read with confidence; scan again or type it (F6).</source>
        <translation>Maşınla oxunan zona etibarlı şəkildə oxuna bilmədi; yenidən skan edin və ya onu əl ilə yazın (F6).</translation>
    </message>
    <message>
        <source>camera (barcode)</source>
        <translation>kamera (ştrix-kod)</translation>
    </message>
    <message>
        <source>Only the information screen has a staff exit.</source>
        <translation>Yalnız məlumat ekranında işçi çıxışı var.</translation>
    </message>
    <message>
        <source>The last PIN is still being checked.</source>
        <translation>Son PIN kod hələ yoxlanılır.</translation>
    </message>
    <message>
        <source>Wrong PIN.</source>
        <translation>PIN kod yanlışdır.</translation>
    </message>
</context>
<context>
    <name>Kiosk::Ui::CaseView</name>
    <message>
        <source>Document as read</source>
        <translation>Oxunmuş sənəd</translation>
    </message>
    <message>
        <source>Photo</source>
        <translation>Foto</translation>
    </message>
    <message>
        <source>Visa seal</source>
        <translation>Viza möhürü</translation>
    </message>
    <message>
        <source>Boarding pass</source>
        <translation>Minik talonu</translation>
    </message>
    <message>
        <source>Reasons</source>
        <translation>Səbəblər</translation>
    </message>
    <message>
        <source>Watchlist hits (officer only)</source>
        <translation>Nəzarət siyahıları üzrə uyğunluqlar (yalnız əməkdaş üçün)</translation>
    </message>
    <message>
        <source>Crossing history (all checkpoints)</source>
        <translation>Keçidlərin tarixçəsi (bütün buraxılış məntəqələri)</translation>
    </message>
    <message>
        <source>Place a document on the reader, or press F6 to type the MRZ.</source>
        <translation>Sənədi oxuyucuya qoyun və ya MRZ-i yazmaq üçün F6 düyməsini basın.</translation>
    </message>
    <message>
        <source>The document could not be read. Press F6 to type the MRZ.</source>
        <translation>Sənəd oxuna bilmədi. MRZ-i yazmaq üçün F6 düyməsini basın.</translation>
    </message>
    <message>
        <source>The check could not be completed.</source>
        <translation>Yoxlama başa çatdırıla bilmədi.</translation>
    </message>
    <message numerus="yes">
        <source>Overstay: %n day(s)</source>
        <translation>
            <numerusform>Müddətin aşılması: %n gün</numerusform>
            <numerusform>Müddətin aşılması: %n gün</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Allowed until %1 — %n day(s) remaining</source>
        <translation>
            <numerusform>%1 tarixinədək icazə var — %n gün qalıb</numerusform>
            <numerusform>%1 tarixinədək icazə var — %n gün qalıb</numerusform>
        </translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; at %2 by the officer on duty — event %3 (no. %4), queued for sync.</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;, %2, növbətçi əməkdaş tərəfindən — hadisə %3 (№ %4), sinxronizasiya növbəsindədir.</translation>
    </message>
    <message>
        <source>Override reason: %1</source>
        <translation>Qərarın dəyişdirilmə səbəbi: %1</translation>
    </message>
    <message>
        <source>✔ check digit OK</source>
        <translation>✔ nəzarət rəqəmi düzgündür</translation>
    </message>
    <message>
        <source>✖ check digit FAILS</source>
        <translation>✖ nəzarət rəqəmi YANLIŞDIR</translation>
    </message>
    <message>
        <source>Corrected by the check digit: %1</source>
        <translation>Nəzarət rəqəminə əsasən düzəldilib: %1</translation>
    </message>
    <message>
        <source>(corrected: %1)</source>
        <translation>(düzəldilib: %1)</translation>
    </message>
    <message>
        <source>Format %1; read by %2.</source>
        <translation>Format %1; oxuyan: %2.</translation>
    </message>
    <message>
        <source>✔ composite check digit OK</source>
        <translation>✔ ümumi nəzarət rəqəmi düzgündür</translation>
    </message>
    <message>
        <source>✖ composite check digit FAILS</source>
        <translation>✖ ümumi nəzarət rəqəmi YANLIŞDIR</translation>
    </message>
    <message>
        <source>Allowed until: &lt;b&gt;%1&lt;/b&gt;</source>
        <translation>İcazə verilən son tarix: &lt;b&gt;%1&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Days allowed: %1</source>
        <translation>İcazə verilən günlər: %1</translation>
    </message>
    <message>
        <source>Days used: %1</source>
        <translation>İstifadə olunmuş günlər: %1</translation>
    </message>
    <message>
        <source>Days remaining: &lt;b&gt;%1&lt;/b&gt;</source>
        <translation>Qalan günlər: &lt;b&gt;%1&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Policy %1</source>
        <translation>Qaydalar, versiya %1</translation>
    </message>
    <message>
        <source>No crossings on record.</source>
        <translation>Qeydə alınmış keçid yoxdur.</translation>
    </message>
    <message>
        <source>(this checkpoint)</source>
        <translation>(bu məntəqə)</translation>
    </message>
    <message>
        <source>entry %1, matched on %2</source>
        <translation>qeyd %1, uyğunluq: %2</translation>
    </message>
    <message>
        <source>Signer: %1</source>
        <translation>İmzalayan: %1</translation>
    </message>
    <message numerus="yes">
        <source>Visa %1: valid %2 to %3, %n day(s)</source>
        <translation>
            <numerusform>Viza %1: %2 – %3 tarixlərində etibarlıdır, %n gün</numerusform>
            <numerusform>Viza %1: %2 – %3 tarixlərində etibarlıdır, %n gün</numerusform>
        </translation>
    </message>
    <message>
        <source>Flight &lt;b&gt;%1&lt;/b&gt; %2 → %3 on %4, seat %5</source>
        <translation>Reys &lt;b&gt;%1&lt;/b&gt; %2 → %3, %4, oturacaq %5</translation>
    </message>
    <message>
        <source>✔ name matches the document</source>
        <translation>✔ ad sənədə uyğundur</translation>
    </message>
    <message>
        <source>✖ name differs from the document</source>
        <translation>✖ ad sənəddən fərqlənir</translation>
    </message>
</context>
<context>
    <name>Kiosk::Ui::ConsoleText</name>
    <message>
        <source>Document type</source>
        <translation>Sənədin növü</translation>
    </message>
    <message>
        <source>Issuing state</source>
        <translation>Sənədi verən dövlət</translation>
    </message>
    <message>
        <source>Surname</source>
        <translation>Soyad</translation>
    </message>
    <message>
        <source>Given names</source>
        <translation>Ad</translation>
    </message>
    <message>
        <source>Document number</source>
        <translation>Sənədin nömrəsi</translation>
    </message>
    <message>
        <source>Nationality</source>
        <translation>Vətəndaşlıq</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>Doğum tarixi</translation>
    </message>
    <message>
        <source>Sex</source>
        <translation>Cins</translation>
    </message>
    <message>
        <source>Date of expiry</source>
        <translation>Etibarlılıq müddətinin sonu</translation>
    </message>
    <message>
        <source>Personal number</source>
        <translation>Şəxsi nömrə</translation>
    </message>
    <message>
        <source>Optional data</source>
        <translation>Əlavə məlumat</translation>
    </message>
    <message>
        <source>ADMIT</source>
        <translation>BURAXILSIN</translation>
    </message>
    <message>
        <source>REFER</source>
        <translation>ƏLAVƏ YOXLAMA</translation>
    </message>
    <message>
        <source>REFUSE</source>
        <translation>İMTİNA</translation>
    </message>
    <message>
        <source>may cross</source>
        <translation>keçə bilər</translation>
    </message>
    <message>
        <source>officer must decide</source>
        <translation>qərarı əməkdaş verməlidir</translation>
    </message>
    <message>
        <source>entry not allowed</source>
        <translation>girişə icazə verilmir</translation>
    </message>
    <message>
        <source>Visa-free nationality: may stay without a visa</source>
        <translation>Vizasız rejimli vətəndaşlıq: vizasız qala bilər</translation>
    </message>
    <message>
        <source>Holds a valid visa</source>
        <translation>Etibarlı vizası var</translation>
    </message>
    <message>
        <source>A visa is required and none was found</source>
        <translation>Viza tələb olunur, lakin tapılmadı</translation>
    </message>
    <message>
        <source>The visa has expired</source>
        <translation>Vizanın müddəti bitib</translation>
    </message>
    <message>
        <source>The visa&apos;s entries are used up</source>
        <translation>Vizanın giriş sayı bitib</translation>
    </message>
    <message>
        <source>The passport has expired</source>
        <translation>Pasportun müddəti bitib</translation>
    </message>
    <message>
        <source>A check digit of the document failed</source>
        <translation>Sənədin nəzarət rəqəmlərindən biri yanlışdır</translation>
    </message>
    <message>
        <source>Entry ban on record</source>
        <translation>Giriş qadağası qeydə alınıb</translation>
    </message>
    <message>
        <source>Document reported lost or stolen: retain it</source>
        <translation>Sənədin itdiyi və ya oğurlandığı bildirilib: sənəd götürülsün</translation>
    </message>
    <message>
        <source>Person is wanted</source>
        <translation>Şəxs axtarışdadır</translation>
    </message>
    <message>
        <source>Protected person: not to be deported</source>
        <translation>Müdafiə olunan şəxs: deportasiya edilməməlidir</translation>
    </message>
    <message>
        <source>Stayed longer than allowed</source>
        <translation>İcazə verilən müddətdən artıq qalıb</translation>
    </message>
    <message>
        <source>Citizen&apos;s exit is restricted</source>
        <translation>Vətəndaşın ölkədən çıxışı məhdudlaşdırılıb</translation>
    </message>
    <message>
        <source>The previous exit was never recorded</source>
        <translation>Əvvəlki çıxış qeydə alınmayıb</translation>
    </message>
    <message>
        <source>No entry on record for this exit</source>
        <translation>Bu çıxış üçün qeydə alınmış giriş yoxdur</translation>
    </message>
    <message>
        <source>Holds a valid residence permit</source>
        <translation>Etibarlı yaşama icazəsi var</translation>
    </message>
    <message>
        <source>Permit expired, within the grace period to leave</source>
        <translation>İcazənin müddəti bitib, lakin çıxmaq üçün güzəşt müddəti davam edir</translation>
    </message>
    <message>
        <source>The permit has expired</source>
        <translation>İcazənin müddəti bitib</translation>
    </message>
    <message>
        <source>Citizen: free to cross</source>
        <translation>Vətəndaş: sərbəst keçə bilər</translation>
    </message>
    <message>
        <source>Minor travelling</source>
        <translation>Yetkinlik yaşına çatmamış şəxs səyahət edir</translation>
    </message>
    <message>
        <source>The policy in force is out of date</source>
        <translation>Qüvvədə olan qaydalar köhnəlib</translation>
    </message>
    <message>
        <source>The watchlists are out of date</source>
        <translation>Nəzarət siyahıları köhnəlib</translation>
    </message>
    <message>
        <source>Crossing records differ from the signed log</source>
        <translation>Keçid qeydləri imzalı jurnalla üst-üstə düşmür</translation>
    </message>
    <message>
        <source>Possibly the same person as another record</source>
        <translation>Başqa qeyddəki şəxslə eyni ola bilər</translation>
    </message>
    <message>
        <source>Entry ban</source>
        <translation>Giriş qadağası</translation>
    </message>
    <message>
        <source>Lost or stolen document</source>
        <translation>İtmiş və ya oğurlanmış sənəd</translation>
    </message>
    <message>
        <source>Wanted</source>
        <translation>Axtarışda</translation>
    </message>
    <message>
        <source>Protected person</source>
        <translation>Müdafiə olunan şəxs</translation>
    </message>
    <message>
        <source>Exit restriction</source>
        <translation>Çıxış məhdudiyyəti</translation>
    </message>
    <message>
        <source>Entry</source>
        <translation>Giriş</translation>
    </message>
    <message>
        <source>Exit</source>
        <translation>Çıxış</translation>
    </message>
    <message>
        <source>signature not checked</source>
        <translation>imza yoxlanılmayıb</translation>
    </message>
    <message>
        <source>signature valid</source>
        <translation>imza etibarlıdır</translation>
    </message>
    <message>
        <source>signature INVALID</source>
        <translation>imza ETİBARSIZDIR</translation>
    </message>
    <message>
        <source>signer unknown: cannot verify</source>
        <translation>imzalayan naməlumdur: yoxlamaq mümkün deyil</translation>
    </message>
    <message>
        <source>Entry recorded</source>
        <translation>Giriş qeydə alındı</translation>
    </message>
    <message>
        <source>Exit recorded</source>
        <translation>Çıxış qeydə alındı</translation>
    </message>
    <message>
        <source>Referred to secondary inspection</source>
        <translation>Əlavə yoxlamaya göndərildi</translation>
    </message>
    <message>
        <source>Recorded with override</source>
        <translation>Qərar dəyişdirilərək qeydə alındı</translation>
    </message>
    <message>
        <source>The visa-free days are used up</source>
        <translation>Vizasız qalma günləri bitib</translation>
    </message>
    <message>
        <source>Visa fee waived for this nationality</source>
        <translation>Bu vətəndaşlıq üçün viza rüsumu tutulmur</translation>
    </message>
    <message>
        <source>Stay shortened to the passport&apos;s expiry date</source>
        <translation>Qalma müddəti pasportun etibarlılıq müddətinin sonuna qədər qısaldılıb</translation>
    </message>
    <message>
        <source>Holds a valid work permit</source>
        <translation>Etibarlı iş icazəsi var</translation>
    </message>
    <message>
        <source>Stateless person: treated as a foreign national</source>
        <translation>Vətəndaşlığı olmayan şəxs: əcnəbilərə aid qaydalar tətbiq olunur</translation>
    </message>
    <message>
        <source>Refugee: travels under the refugee regime</source>
        <translation>Qaçqın: qaçqınlar üçün rejim tətbiq olunur</translation>
    </message>
</context>
<context>
    <name>Kiosk::Ui::ConsoleWindow</name>
    <message>
        <source>Border kiosk — officer console — %1</source>
        <translation>Sərhəd kioskü — əməkdaş konsolu — %1</translation>
    </message>
    <message>
        <source>Actions</source>
        <translation>Əməliyyatlar</translation>
    </message>
    <message>
        <source>Record entry</source>
        <translation>Girişi qeydə al</translation>
    </message>
    <message>
        <source>Record exit</source>
        <translation>Çıxışı qeydə al</translation>
    </message>
    <message>
        <source>Refer to secondary</source>
        <translation>Əlavə yoxlamaya göndər</translation>
    </message>
    <message>
        <source>Override…</source>
        <translation>Qərarı dəyiş…</translation>
    </message>
    <message>
        <source>Type MRZ…</source>
        <translation>MRZ-i yaz…</translation>
    </message>
    <message>
        <source>Switch lane direction</source>
        <translation>Zolağın istiqamətini dəyiş</translation>
    </message>
    <message>
        <source>Next traveller</source>
        <translation>Növbəti səyahətçi</translation>
    </message>
    <message>
        <source>Lock</source>
        <translation>Kilidlə</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>Sistemdən çıx</translation>
    </message>
    <message>
        <source>Officer %1</source>
        <translation>Əməkdaş %1</translation>
    </message>
    <message>
        <source>Lane: %1</source>
        <translation>Zolaq: %1</translation>
    </message>
    <message>
        <source>%1. Read the next document.</source>
        <translation>%1. Növbəti sənədi oxudun.</translation>
    </message>
    <message>
        <source>Referred to secondary inspection.</source>
        <translation>Əlavə yoxlamaya göndərildi.</translation>
    </message>
    <message>
        <source>Recorded with override; the override is its own signed event.</source>
        <translation>Qərar dəyişdirilərək qeydə alındı; dəyişiklik ayrıca imzalanmış hadisədir.</translation>
    </message>
    <message>
        <source>manual entry</source>
        <translation>əl ilə daxiletmə</translation>
    </message>
</context>
<context>
    <name>Kiosk::Ui::InfoText</name>
    <message>
        <source>Azerbaijan</source>
        <translation>Azərbaycan</translation>
    </message>
    <message>
        <source>Belarus</source>
        <translation>Belarus</translation>
    </message>
    <message>
        <source>Georgia</source>
        <translation>Gürcüstan</translation>
    </message>
    <message>
        <source>Japan</source>
        <translation>Yaponiya</translation>
    </message>
    <message>
        <source>Kazakhstan</source>
        <translation>Qazaxıstan</translation>
    </message>
    <message>
        <source>Kyrgyzstan</source>
        <translation>Qırğızıstan</translation>
    </message>
    <message>
        <source>Moldova</source>
        <translation>Moldova</translation>
    </message>
    <message>
        <source>Mongolia</source>
        <translation>Monqolustan</translation>
    </message>
    <message>
        <source>Pakistan</source>
        <translation>Pakistan</translation>
    </message>
    <message>
        <source>Russia</source>
        <translation>Rusiya</translation>
    </message>
    <message>
        <source>Tajikistan</source>
        <translation>Tacikistan</translation>
    </message>
    <message>
        <source>Turkey</source>
        <translation>Türkiyə</translation>
    </message>
    <message>
        <source>Ukraine</source>
        <translation>Ukrayna</translation>
    </message>
    <message>
        <source>Uzbekistan</source>
        <translation>Özbəkistan</translation>
    </message>
    <message>
        <source>Visas</source>
        <translation>Vizalar</translation>
    </message>
    <message>
        <source>Work permits</source>
        <translation>İş icazəsi</translation>
    </message>
    <message numerus="yes">
        <source>Citizens of %1 may enter without a visa and stay for up to %n day(s).</source>
        <translation>
            <numerusform>Bu ölkələrin vətəndaşları vizasız gələ və %n günədək qala bilərlər: %1.</numerusform>
            <numerusform>Bu ölkələrin vətəndaşları vizasız gələ və %n günədək qala bilərlər: %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>Everyone else needs a visa. The stay allowed is the period written on the visa.</source>
        <translation>Qalan hər kəs üçün viza tələb olunur. İcazə verilən qalma müddəti vizada göstərilən müddətdir.</translation>
    </message>
    <message>
        <source>%1: without a fee</source>
        <translation>%1: rüsumsuz</translation>
    </message>
    <message numerus="yes">
        <source>%1: without a fee for stays of up to %n day(s)</source>
        <translation>
            <numerusform>%1: %n günədək qalmaq üçün rüsumsuz</numerusform>
            <numerusform>%1: %n günədək qalmaq üçün rüsumsuz</numerusform>
        </translation>
    </message>
    <message>
        <source>Some citizens receive the visa without paying the fee:</source>
        <translation>Bəzi ölkələrin vətəndaşları vizanı rüsum ödəmədən alırlar:</translation>
    </message>
    <message>
        <source>Visas are issued by the embassies and consulates of Azerbaijan.</source>
        <translation>Vizaları Azərbaycanın səfirlikləri və konsulluqları verir.</translation>
    </message>
    <message>
        <source>Documents for a visa application:</source>
        <translation>Viza üçün müraciətdə tələb olunan sənədlər:</translation>
    </message>
    <message>
        <source>the completed application form</source>
        <translation>doldurulmuş ərizə forması</translation>
    </message>
    <message>
        <source>two colour photographs, 3 × 4 cm</source>
        <translation>iki rəngli fotoşəkil, 3 × 4 sm</translation>
    </message>
    <message>
        <source>your passport (stateless persons: an identity document)</source>
        <translation>pasportunuz (vətəndaşlığı olmayan şəxslər üçün: şəxsiyyəti təsdiq edən sənəd)</translation>
    </message>
    <message>
        <source>a declaration from the host party</source>
        <translation>qəbul edən tərəfin bəyannaməsi</translation>
    </message>
    <message>
        <source>a cheque for the fee</source>
        <translation>rüsumun ödənildiyini göstərən çek</translation>
    </message>
    <message>
        <source>Anyone who arrives without a valid passport, visa or other document that entitles them to cross the border is sent back to the country they came from.</source>
        <translation>Etibarlı pasportu, vizası və ya sərhədi keçmək hüququ verən başqa sənədi olmadan gələn şəxs gəldiyi ölkəyə geri göndərilir.</translation>
    </message>
    <message>
        <source>If necessary, a temporary stay can be extended: apply to the State Migration Service.</source>
        <translation>Zərurət olduqda müvəqqəti qalma müddəti uzadıla bilər: Dövlət Miqrasiya Xidmətinə müraciət edin.</translation>
    </message>
    <message>
        <source>Foreign nationals may work in Azerbaijan only after receiving a work permit.</source>
        <translation>Əcnəbilər Azərbaycanda yalnız iş icazəsi aldıqdan sonra işləyə bilərlər.</translation>
    </message>
    <message>
        <source>The employer applies for the permit. It is issued for one year and can be renewed four times, each time for one more year.</source>
        <translation>İcazə üçün işəgötürən müraciət edir. İcazə bir il müddətinə verilir və hər dəfə bir il olmaqla dörd dəfə uzadıla bilər.</translation>
    </message>
    <message>
        <source>The employer may apply before you arrive; you then receive a copy of the employment contract before you enter the country.</source>
        <translation>İşəgötürən siz gəlməzdən əvvəl də müraciət edə bilər; bu halda ölkəyə gəlməzdən əvvəl əmək müqaviləsinin surətini alırsınız.</translation>
    </message>
    <message>
        <source>Work permits are issued by the State Migration Service.</source>
        <translation>İş icazələrini Dövlət Miqrasiya Xidməti verir.</translation>
    </message>
    <message>
        <source>No work permit is needed for:</source>
        <translation>Aşağıdakı şəxslərə iş icazəsi tələb olunmur:</translation>
    </message>
    <message>
        <source>persons permanently resident in Azerbaijan</source>
        <translation>Azərbaycanda daimi yaşayan şəxslər</translation>
    </message>
    <message>
        <source>persons engaged in business activities</source>
        <translation>sahibkarlıq fəaliyyəti ilə məşğul olan şəxslər</translation>
    </message>
    <message>
        <source>senior staff of organisations set up under international agreements</source>
        <translation>beynəlxalq müqavilələr əsasında yaradılmış təşkilatların rəhbər işçiləri</translation>
    </message>
    <message>
        <source>staff of diplomatic missions and consular offices</source>
        <translation>diplomatik nümayəndəliklərin və konsulluqların əməkdaşları</translation>
    </message>
    <message>
        <source>staff of international organisations</source>
        <translation>beynəlxalq təşkilatların əməkdaşları</translation>
    </message>
    <message>
        <source>persons on a mission of no more than three months</source>
        <translation>üç aydan çox olmayan ezamiyyətdə olan şəxslər</translation>
    </message>
    <message>
        <source>persons in religious activities of state-registered religious organisations</source>
        <translation>dövlət qeydiyyatından keçmiş dini qurumlarda dini fəaliyyətlə məşğul olan şəxslər</translation>
    </message>
    <message>
        <source>accredited media staff</source>
        <translation>akkreditasiya olunmuş media əməkdaşları</translation>
    </message>
    <message>
        <source>sailors</source>
        <translation>dənizçilər</translation>
    </message>
    <message>
        <source>athletes and artists</source>
        <translation>idmançılar və incəsənət xadimləri</translation>
    </message>
    <message>
        <source>university teachers invited to lecture, lecturers and scientific researchers</source>
        <translation>mühazirə oxumaq üçün dəvət olunmuş ali məktəb müəllimləri, mühazirəçilər və elmi tədqiqatçılar</translation>
    </message>
    <message>
        <source>Working without the required work permit makes a person an illegal migrant.</source>
        <translation>Tələb olunan iş icazəsi olmadan işləyən şəxs qanunsuz miqrant sayılır.</translation>
    </message>
    <message>
        <source>To stay in Azerbaijan for more than 90 days you need permission: apply to the State Migration Service for a temporary residence permit.</source>
        <translation>Azərbaycanda 90 gündən artıq qalmaq üçün icazə lazımdır: müvəqqəti yaşama icazəsi almaq üçün Dövlət Miqrasiya Xidmətinə müraciət edin.</translation>
    </message>
    <message>
        <source>A temporary residence permit is issued, among others, to:</source>
        <translation>Müvəqqəti yaşama icazəsi, o cümlədən, aşağıdakı şəxslərə verilir:</translation>
    </message>
    <message>
        <source>close relatives of Azerbaijani citizens</source>
        <translation>Azərbaycan vətəndaşlarının yaxın qohumları</translation>
    </message>
    <message>
        <source>spouses of Azerbaijani citizens</source>
        <translation>Azərbaycan vətəndaşları ilə nikahda olan şəxslər</translation>
    </message>
    <message>
        <source>holders of a work permit</source>
        <translation>iş icazəsi almış şəxslər</translation>
    </message>
    <message>
        <source>full-time students in Azerbaijan</source>
        <translation>Azərbaycanda əyani təhsil alan tələbələr</translation>
    </message>
    <message>
        <source>highly qualified specialists and top athletes</source>
        <translation>yüksək ixtisaslı mütəxəssislər və yüksək səviyyəli idmançılar</translation>
    </message>
    <message>
        <source>persons who have deposited 50,000 manats in an Azerbaijani bank</source>
        <translation>Azərbaycan bankına 50 000 manat yatırmış şəxslər</translation>
    </message>
    <message>
        <source>persons who have invested at least 500,000 manats in the economy of Azerbaijan</source>
        <translation>Azərbaycan iqtisadiyyatına ən azı 500 000 manat investisiya qoymuş şəxslər</translation>
    </message>
    <message>
        <source>The permit is granted for one year and may be extended for not more than four years.</source>
        <translation>İcazə bir il müddətinə verilir və dörd ildən çox olmayaraq uzadıla bilər.</translation>
    </message>
    <message>
        <source>After at least two years of legal temporary residence you may be granted permanent residence (immigrant status).</source>
        <translation>Ən azı iki il qanuni müvəqqəti yaşadıqdan sonra sizə daimi yaşama hüququ (immiqrant statusu) verilə bilər.</translation>
    </message>
    <message>
        <source>With a temporary or permanent residence permit you leave and return on your passport and the permit; no return visa is needed.</source>
        <translation>Müvəqqəti və ya daimi yaşama icazəsi ilə ölkədən pasport və icazə əsasında çıxıb qayıdırsınız; geri qayıtma vizası lazım deyil.</translation>
    </message>
    <message>
        <source>Staying longer than the law or your visa allows makes you an illegal migrant: a fine or deportation may follow.</source>
        <translation>Qanunun və ya vizanızın icazə verdiyindən artıq qalan şəxs qanunsuz miqrant sayılır: cərimə və ya ölkədən çıxarılma tətbiq oluna bilər.</translation>
    </message>
    <message>
        <source>Migration Information Centre of the State Migration Service: telephone 919, in Azerbaijani, Russian and English.</source>
        <translation>Dövlət Miqrasiya Xidmətinin Miqrasiya İnformasiya Mərkəzi: telefon 919, Azərbaycan, rus və ingilis dillərində.</translation>
    </message>
    <message>
        <source>Official websites, with information on entry, residence, work, fees and your rights:</source>
        <translation>Giriş, yaşama, iş, rüsumlar və hüquqlarınız barədə məlumat verən rəsmi saytlar:</translation>
    </message>
    <message>
        <source>www.migration.gov.az: State Migration Service</source>
        <translation>www.migration.gov.az: Dövlət Miqrasiya Xidməti</translation>
    </message>
    <message>
        <source>www.mfa.gov.az: Ministry of Foreign Affairs</source>
        <translation>www.mfa.gov.az: Xarici İşlər Nazirliyi</translation>
    </message>
    <message>
        <source>www.mia.gov.az: Ministry of Internal Affairs</source>
        <translation>www.mia.gov.az: Daxili İşlər Nazirliyi</translation>
    </message>
    <message>
        <source>On the State Migration Service&apos;s website you can ask a question through its question-and-answer service or by e-mail.</source>
        <translation>Dövlət Miqrasiya Xidmətinin saytında sualınızı “sual-cavab” xidməti vasitəsilə və ya e-poçtla verə bilərsiniz.</translation>
    </message>
    <message>
        <source>The embassies and consulates of Azerbaijan give this information on request, free of charge.</source>
        <translation>Azərbaycanın səfirlikləri və konsulluqları bu məlumatı müraciət əsasında pulsuz verir.</translation>
    </message>
    <message>
        <source>Please see a border officer.</source>
        <translation>Zəhmət olmasa, sərhəd xidməti əməkdaşına müraciət edin.</translation>
    </message>
    <message>
        <source>A border officer will answer your questions about your entry and stay.</source>
        <translation>Sərhəd xidməti əməkdaşı girişiniz və qalmağınızla bağlı suallarınızı cavablandıracaq.</translation>
    </message>
    <message>
        <source>With this passport a visa is needed to enter Azerbaijan. Visas are issued by the embassies and consulates of Azerbaijan (§19, §20).</source>
        <translation>Bu pasportla Azərbaycana gəlmək üçün viza lazımdır. Vizaları Azərbaycanın səfirlikləri və konsulluqları verir (§19, §20).</translation>
    </message>
    <message numerus="yes">
        <source>For your nationality the visa is issued without a fee for stays of up to %n day(s) (§21).</source>
        <translation>
            <numerusform>Vətəndaşlığınıza görə viza %n günədək qalmaq üçün rüsumsuz verilir (§21).</numerusform>
            <numerusform>Vətəndaşlığınıza görə viza %n günədək qalmaq üçün rüsumsuz verilir (§21).</numerusform>
        </translation>
    </message>
    <message>
        <source>For your nationality the visa is issued without a fee (§21).</source>
        <translation>Vətəndaşlığınıza görə viza rüsumsuz verilir (§21).</translation>
    </message>
    <message>
        <source>Welcome home.</source>
        <translation>Vətənə xoş gəlmisiniz.</translation>
    </message>
    <message>
        <source>Citizens of Azerbaijan enter, stay and leave freely (§225).</source>
        <translation>Azərbaycan vətəndaşları ölkəyə sərbəst gəlir, burada qalır və ölkədən çıxırlar (§225).</translation>
    </message>
    <message>
        <source>You may stay in Azerbaijan until %1.</source>
        <translation>Azərbaycanda %1 tarixinədək qala bilərsiniz.</translation>
    </message>
    <message>
        <source>Today is the last day of your stay.</source>
        <translation>Bu gün qalmağınızın son günüdür.</translation>
    </message>
    <message numerus="yes">
        <source>That is %n more day(s) after today.</source>
        <translation>
            <numerusform>Bu gündən sonra daha %n gününüz qalır.</numerusform>
            <numerusform>Bu gündən sonra daha %n gününüz qalır.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>With your passport you need no visa: up to %n day(s) from each entry (§21, §127).</source>
        <translation>
            <numerusform>Pasportunuzla viza tələb olunmur: hər girişdən etibarən %n günədək (§21, §127).</numerusform>
            <numerusform>Pasportunuzla viza tələb olunmur: hər girişdən etibarən %n günədək (§21, §127).</numerusform>
        </translation>
    </message>
    <message>
        <source>Your stay is the period on your visa (§19, §127).</source>
        <translation>Qalma müddətiniz vizanızda göstərilən müddətdir (§19, §127).</translation>
    </message>
    <message>
        <source>Your residence permit covers the stay; with it you leave and return without a visa (§44).</source>
        <translation>Qalmağınız yaşama icazənizə əsaslanır; onunla ölkədən vizasız çıxıb qayıda bilərsiniz (§44).</translation>
    </message>
    <message>
        <source>This is the expiry date of your passport: a stay never goes beyond it.</source>
        <translation>Bu, pasportunuzun etibarlılıq müddətinin bitdiyi tarixdir: qalma müddəti heç vaxt bu tarixdən o yana keçmir.</translation>
    </message>
    <message>
        <source>To stay longer, apply to the State Migration Service for a temporary residence permit (§128–131).</source>
        <translation>Daha uzun qalmaq üçün müvəqqəti yaşama icazəsi almaq məqsədilə Dövlət Miqrasiya Xidmətinə müraciət edin (§128–131).</translation>
    </message>
    <message>
        <source>To work in Azerbaijan you need a work permit, unless you are exempt (§80, §86).</source>
        <translation>Azərbaycanda işləmək üçün, azad edilmiş şəxslərdən deyilsinizsə, iş icazəsi lazımdır (§80, §86).</translation>
    </message>
    <message>
        <source>Welcome to Azerbaijan</source>
        <translation>Azərbaycana xoş gəlmisiniz</translation>
    </message>
    <message>
        <source>Place your passport on the reader, photo page down, to see how long you may stay.</source>
        <translation>Nə qədər qala biləcəyinizi öyrənmək üçün pasportunuzu şəkilli səhifəsi aşağı olmaqla oxuyucuya qoyun.</translation>
    </message>
    <message>
        <source>This screen only gives information. Nothing is recorded, and your data is cleared when you leave.</source>
        <translation>Bu ekran yalnız məlumat verir. Heç nə qeydə alınmır, siz ayrılanda isə məlumatlarınız silinir.</translation>
    </message>
    <message>
        <source>Information without a passport:</source>
        <translation>Pasportsuz məlumat:</translation>
    </message>
    <message>
        <source>Questions? Migration Information Centre: call 919 (Azerbaijani, Russian, English).</source>
        <translation>Sualınız var? Miqrasiya İnformasiya Mərkəzi: 919 nömrəsinə zəng edin (Azərbaycan, rus, ingilis dillərində).</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Dil</translation>
    </message>
    <message>
        <source>Show this screen in %1</source>
        <translation>Ekranı bu dildə göstər: %1</translation>
    </message>
    <message>
        <source>Finish</source>
        <translation>Bitir</translation>
    </message>
    <message>
        <source>Clear the screen and return to the start</source>
        <translation>Ekranı təmizlə və əvvələ qayıt</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Geri</translation>
    </message>
    <message>
        <source>Return to the previous screen</source>
        <translation>Əvvəlki ekrana qayıt</translation>
    </message>
    <message>
        <source>Open the page: %1</source>
        <translation>Səhifəni aç: %1</translation>
    </message>
    <message>
        <source>Source: %1</source>
        <extracomment>The paragraphs of the source report a statement comes from, e.g. &quot;Source: §20&quot;.</extracomment>
        <translation>Mənbə: %1</translation>
    </message>
    <message>
        <source>Information for travellers</source>
        <translation>Səyahətçilər üçün məlumat</translation>
    </message>
    <message>
        <source>Staff only</source>
        <translation>Yalnız əməkdaşlar üçün</translation>
    </message>
    <message>
        <source>Enter the staff PIN to leave the information screen.</source>
        <translation>Məlumat ekranından çıxmaq üçün əməkdaş PIN kodunu daxil edin.</translation>
    </message>
    <message>
        <source>Staff PIN</source>
        <translation>Əməkdaş PIN kodu</translation>
    </message>
    <message>
        <source>Leave</source>
        <translation>Çıx</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>İmtina</translation>
    </message>
    <message>
        <source>Wrong PIN.</source>
        <translation>PIN kod yanlışdır.</translation>
    </message>
    <message>
        <source>Longer stays</source>
        <translation>Uzunmüddətli qalma</translation>
    </message>
    <message>
        <source>Help: 919</source>
        <translation>Kömək: 919</translation>
    </message>
</context>
<context>
    <name>Kiosk::Ui::ManualMrzDialog</name>
    <message>
        <source>Type the MRZ</source>
        <translation>MRZ-i yazın</translation>
    </message>
    <message>
        <source>Machine readable zone, two or three lines</source>
        <translation>Maşınla oxunan zona, iki və ya üç sətir</translation>
    </message>
    <message>
        <source>Check this document</source>
        <translation>Bu sənədi yoxla</translation>
    </message>
    <message>
        <source>Type the lines at the bottom of the data page; use &lt; for the filler.</source>
        <translation>Məlumat səhifəsinin aşağısındakı sətirləri yazın; doldurucu üçün &lt; işarəsindən istifadə edin.</translation>
    </message>
    <message>
        <source>Waiting for input.</source>
        <translation>Daxiletmə gözlənilir.</translation>
    </message>
    <message numerus="yes">
        <source>Line %1: %n character(s)</source>
        <translation>
            <numerusform>Sətir %1: %n simvol</numerusform>
            <numerusform>Sətir %1: %n simvol</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: check digit OK</source>
        <translation>%1: nəzarət rəqəmi düzgündür</translation>
    </message>
    <message>
        <source>%1: check digit FAILS</source>
        <translation>%1: nəzarət rəqəmi YANLIŞDIR</translation>
    </message>
    <message>
        <source>✔ composite check digit OK</source>
        <translation>✔ ümumi nəzarət rəqəmi düzgündür</translation>
    </message>
    <message>
        <source>✖ composite check digit FAILS</source>
        <translation>✖ ümumi nəzarət rəqəmi YANLIŞDIR</translation>
    </message>
</context>
<context>
    <name>Kiosk::Ui::OverrideDialog</name>
    <message>
        <source>Override the verdict</source>
        <translation>Qərarı dəyiş</translation>
    </message>
    <message>
        <source>Reason for the override</source>
        <translation>Qərarın dəyişdirilmə səbəbi</translation>
    </message>
    <message>
        <source>Record with override</source>
        <translation>Dəyişdirilmiş qərarla qeydə al</translation>
    </message>
    <message>
        <source>Current verdict</source>
        <translation>Cari qərar</translation>
    </message>
    <message>
        <source>New verdict</source>
        <translation>Yeni qərar</translation>
    </message>
    <message>
        <source>Record as</source>
        <translation>Qeydə alma növü</translation>
    </message>
    <message>
        <source>Reason (required)</source>
        <translation>Səbəb (mütləqdir)</translation>
    </message>
    <message>
        <source>Choose a verdict different from the current one.</source>
        <translation>Cari qərardan fərqli qərar seçin.</translation>
    </message>
    <message numerus="yes">
        <source>Type the reason: at least %n characters. It is recorded and signed with your id.</source>
        <translation>
            <numerusform>Səbəbi yazın: ən azı %n simvol. O, identifikatorunuzla birlikdə qeydə alınır və imzalanır.</numerusform>
            <numerusform>Səbəbi yazın: ən azı %n simvol. O, identifikatorunuzla birlikdə qeydə alınır və imzalanır.</numerusform>
        </translation>
    </message>
    <message>
        <source>The override is recorded as its own signed event.</source>
        <translation>Qərarın dəyişdirilməsi ayrıca imzalanmış hadisə kimi qeydə alınır.</translation>
    </message>
</context>
<context>
    <name>Kiosk::Ui::SignInPage</name>
    <message>
        <source>Operator id</source>
        <translation>Operatorun identifikatoru</translation>
    </message>
    <message>
        <source>PIN</source>
        <translation>PIN kod</translation>
    </message>
    <message>
        <source>Officer sign-in</source>
        <translation>Əməkdaşın sistemə girişi</translation>
    </message>
    <message>
        <source>Sign in (Enter)</source>
        <translation>Daxil ol (Enter)</translation>
    </message>
    <message>
        <source>Console locked</source>
        <translation>Konsol kilidlənib</translation>
    </message>
    <message>
        <source>Unlock (Enter)</source>
        <translation>Kilidi aç (Enter)</translation>
    </message>
</context>
<context>
    <name>Kiosk::Ui::SyncStatusWidget</name>
    <message numerus="yes">
        <source>%n s</source>
        <translation>
            <numerusform>%n san</numerusform>
            <numerusform>%n san</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n min</source>
        <translation>
            <numerusform>%n dəq</numerusform>
            <numerusform>%n dəq</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n h</source>
        <translation>
            <numerusform>%n saat</numerusform>
            <numerusform>%n saat</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n d</source>
        <translation>
            <numerusform>%n gün</numerusform>
            <numerusform>%n gün</numerusform>
        </translation>
    </message>
    <message>
        <source>● Online</source>
        <translation>● Onlayn</translation>
    </message>
    <message>
        <source>○ Offline</source>
        <translation>○ Oflayn</translation>
    </message>
    <message>
        <source>Last error: %1</source>
        <translation>Son xəta: %1</translation>
    </message>
    <message>
        <source>No events pending</source>
        <translation>Gözləyən hadisə yoxdur</translation>
    </message>
    <message numerus="yes">
        <source>%n event(s) pending, oldest %1</source>
        <translation>
            <numerusform>Növbədə %n hadisə var, ən köhnəsi %1</numerusform>
            <numerusform>Növbədə %n hadisə var, ən köhnəsi %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n event(s) pending</source>
        <translation>
            <numerusform>Növbədə %n hadisə var</numerusform>
            <numerusform>Növbədə %n hadisə var</numerusform>
        </translation>
    </message>
    <message>
        <source>Last sync %1 ago</source>
        <translation>Son sinxronizasiya %1 əvvəl</translation>
    </message>
    <message>
        <source>Never synced</source>
        <translation>Hələ sinxronizasiya olunmayıb</translation>
    </message>
    <message>
        <source>No policy</source>
        <translation>Qaydalar yoxdur</translation>
    </message>
    <message>
        <source>Policy %1</source>
        <translation>Qaydalar, versiya %1</translation>
    </message>
    <message>
        <source>⚠ Watchlists not loaded</source>
        <translation>⚠ Nəzarət siyahıları yüklənməyib</translation>
    </message>
    <message>
        <source>⚠ Watchlists STALE: %1 old</source>
        <translation>⚠ Nəzarət siyahıları KÖHNƏLİB: yaşı %1</translation>
    </message>
    <message>
        <source>Watchlists %1 old</source>
        <translation>Nəzarət siyahılarının yaşı: %1</translation>
    </message>
    <message numerus="yes">
        <source>⚠ %n event(s) REJECTED by central</source>
        <translation>
            <numerusform>⚠ %n hadisə mərkəz tərəfindən RƏDD EDİLİB</numerusform>
            <numerusform>⚠ %n hadisə mərkəz tərəfindən RƏDD EDİLİB</numerusform>
        </translation>
    </message>
    <message>
        <source>⚠ Central answering wrongly</source>
        <translation>⚠ Mərkəz səhv cavab verir</translation>
    </message>
    <message>
        <source>Sync failed: %1</source>
        <translation>Sinxronizasiya alınmadı: %1</translation>
    </message>
    <message numerus="yes">
        <source>⚠ %n pulled event(s) unverified</source>
        <translation>
            <numerusform>⚠ Alınan %n hadisə yoxlanılmayıb</numerusform>
            <numerusform>⚠ Alınan %n hadisə yoxlanılmayıb</numerusform>
        </translation>
    </message>
    <message>
        <source>Events of other checkpoints that do not verify yet: kept aside and retried each round</source>
        <translation>Digər buraxılış məntəqələrinin hələ yoxlanılmayan hadisələri: ayrıca saxlanılır və hər sinxronizasiyada yenidən yoxlanılır</translation>
    </message>
</context>
<context>
    <name>Kiosk::Ui::VerdictBanner</name>
    <message>
        <source>Place a document on the reader.</source>
        <translation>Sənədi oxuyucuya qoyun.</translation>
    </message>
    <message>
        <source>%1 — %2 (%3)</source>
        <translation>%1 — %2 (%3)</translation>
    </message>
    <message>
        <source>No verdict</source>
        <translation>Qərar yoxdur</translation>
    </message>
</context>
<context>
    <name>border-kiosk</name>
    <message>
        <source> — DEMO (sign in as %1, PIN %2)</source>
        <translation> — DEMO (%1 kimi daxil olun, PIN %2)</translation>
    </message>
</context>
</TS>
