<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru" sourcelanguage="en">
<context>
    <name>Kiosk::Session::CheckpointSession</name>
    <message numerus="yes">
        <source>Too many failed attempts. Try again in %n second(s).</source>
        <translation>
            <numerusform>Слишком много неудачных попыток. Повторите через %n секунду.</numerusform>
            <numerusform>Слишком много неудачных попыток. Повторите через %n секунды.</numerusform>
            <numerusform>Слишком много неудачных попыток. Повторите через %n секунд.</numerusform>
        </translation>
    </message>
    <message>
        <source>Unknown operator or wrong PIN.</source>
        <translation>Неизвестный оператор или неверный PIN-код.</translation>
    </message>
    <message>
        <source>The information screen has no operator sign-in.</source>
        <translation>На информационном экране нет входа для оператора.</translation>
    </message>
    <message>
        <source>Nobody is signed in.</source>
        <translation>Никто не вошёл в систему.</translation>
    </message>
    <message>
        <source>The information screen cannot record.</source>
        <translation>Информационный экран не может ничего записывать.</translation>
    </message>
    <message>
        <source>Sign in or unlock first.</source>
        <translation>Сначала войдите в систему или разблокируйте консоль.</translation>
    </message>
    <message>
        <source>A document was read while the console is locked; it was ignored.</source>
        <translation>Документ считан, когда консоль была заблокирована; он проигнорирован.</translation>
    </message>
    <message>
        <source>The check could not be completed: %1</source>
        <translation>Проверку не удалось завершить: %1</translation>
    </message>
    <message>
        <source>There is no document to record.</source>
        <translation>Нет документа для записи.</translation>
    </message>
    <message>
        <source>This case is already recorded; read the next document.</source>
        <translation>Этот случай уже записан; считайте следующий документ.</translation>
    </message>
    <message>
        <source>The document could not be read; use manual entry.</source>
        <translation>Документ не удалось считать; введите данные вручную.</translation>
    </message>
    <message>
        <source>The check could not be completed; refer or override.</source>
        <translation>Проверку не удалось завершить; направьте на дополнительный досмотр или измените решение.</translation>
    </message>
    <message>
        <source>The verdict is %1: record the crossing only with an override and its reason, or refer.</source>
        <translation>Решение: %1. Записывайте пересечение только с изменением решения и указанием причины либо направьте на дополнительный досмотр.</translation>
    </message>
    <message numerus="yes">
        <source>An override needs a typed reason of at least %n characters.</source>
        <translation>
            <numerusform>Для изменения решения нужно ввести причину длиной не менее %n символа.</numerusform>
            <numerusform>Для изменения решения нужно ввести причину длиной не менее %n символов.</numerusform>
            <numerusform>Для изменения решения нужно ввести причину длиной не менее %n символов.</numerusform>
        </translation>
    </message>
    <message>
        <source>The override must change the verdict.</source>
        <translation>Новое решение должно отличаться от исходного.</translation>
    </message>
    <message>
        <source>A barcode was read while the console is locked; it was ignored.</source>
        <translation>Штрихкод считан, когда консоль была заблокирована; он проигнорирован.</translation>
    </message>
    <message>
        <source>Read the passport as well: a boarding pass or a seal alone is not a travel document.</source>
        <translation>Считайте также паспорт: посадочный талон или визовая печать сами по себе не являются проездным документом.</translation>
    </message>
    <message>
        <source>The barcode image could not be read.</source>
        <translation>Не удалось прочитать изображение штрихкода.</translation>
    </message>
    <message>
        <source>No barcode was found in the image.</source>
        <translation>На изображении не найден штрихкод.</translation>
    </message>
    <message>
        <source>The scanned image could not be read.</source>
        <translation>Не удалось прочитать отсканированное изображение.</translation>
    </message>
    <message>
        <source>camera (OCR)</source>
        <translation>камера (OCR)</translation>
    </message>
    <message>
        <source>No machine-readable zone was found in the image.</source>
        <translation>На изображении не найдена машиночитаемая зона.</translation>
    </message>
    <message>
        <source>The machine-readable zone could not be read with confidence; scan again or type it (F6).</source>
        <translation>Машиночитаемую зону не удалось надёжно прочитать; отсканируйте ещё раз или введите её вручную (F6).</translation>
    </message>
    <message>
        <source>camera (barcode)</source>
        <translation>камера (штрихкод)</translation>
    </message>
    <message>
        <source>Only the information screen has a staff exit.</source>
        <translation>Выход для персонала есть только на информационном экране.</translation>
    </message>
    <message>
        <source>The last PIN is still being checked.</source>
        <translation>Предыдущий PIN-код ещё проверяется.</translation>
    </message>
    <message>
        <source>Wrong PIN.</source>
        <translation>Неверный PIN-код.</translation>
    </message>
</context>
<context>
    <name>Kiosk::Ui::CaseView</name>
    <message>
        <source>Document as read</source>
        <translation>Документ (как считан)</translation>
    </message>
    <message>
        <source>Photo</source>
        <translation>Фото</translation>
    </message>
    <message>
        <source>Visa seal</source>
        <translation>Визовая печать</translation>
    </message>
    <message>
        <source>Boarding pass</source>
        <translation>Посадочный талон</translation>
    </message>
    <message>
        <source>Reasons</source>
        <translation>Основания</translation>
    </message>
    <message>
        <source>Watchlist hits (officer only)</source>
        <translation>Совпадения по контрольным спискам (только для сотрудника)</translation>
    </message>
    <message>
        <source>Crossing history (all checkpoints)</source>
        <translation>История пересечений (все пункты пропуска)</translation>
    </message>
    <message>
        <source>Place a document on the reader, or press F6 to type the MRZ.</source>
        <translation>Положите документ на считыватель или нажмите F6, чтобы ввести MRZ вручную.</translation>
    </message>
    <message>
        <source>The document could not be read. Press F6 to type the MRZ.</source>
        <translation>Документ не удалось считать. Нажмите F6, чтобы ввести MRZ вручную.</translation>
    </message>
    <message>
        <source>The check could not be completed.</source>
        <translation>Проверку не удалось завершить.</translation>
    </message>
    <message numerus="yes">
        <source>Overstay: %n day(s)</source>
        <translation>
            <numerusform>Превышение срока: %n день</numerusform>
            <numerusform>Превышение срока: %n дня</numerusform>
            <numerusform>Превышение срока: %n дней</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Allowed until %1 — %n day(s) remaining</source>
        <translation>
            <numerusform>Разрешено до %1 — остался %n день</numerusform>
            <numerusform>Разрешено до %1 — осталось %n дня</numerusform>
            <numerusform>Разрешено до %1 — осталось %n дней</numerusform>
        </translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; at %2 by the officer on duty — event %3 (no. %4), queued for sync.</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;, %2, дежурным сотрудником — событие %3 (№ %4), в очереди на синхронизацию.</translation>
    </message>
    <message>
        <source>Override reason: %1</source>
        <translation>Причина изменения решения: %1</translation>
    </message>
    <message>
        <source>✔ check digit OK</source>
        <translation>✔ контрольная цифра верна</translation>
    </message>
    <message>
        <source>✖ check digit FAILS</source>
        <translation>✖ контрольная цифра НЕВЕРНА</translation>
    </message>
    <message>
        <source>Corrected by the check digit: %1</source>
        <translation>Исправлено по контрольной цифре: %1</translation>
    </message>
    <message>
        <source>(corrected: %1)</source>
        <translation>(исправлено: %1)</translation>
    </message>
    <message>
        <source>Format %1; read by %2.</source>
        <translation>Формат %1; считано: %2.</translation>
    </message>
    <message>
        <source>✔ composite check digit OK</source>
        <translation>✔ общая контрольная цифра верна</translation>
    </message>
    <message>
        <source>✖ composite check digit FAILS</source>
        <translation>✖ общая контрольная цифра НЕВЕРНА</translation>
    </message>
    <message>
        <source>Allowed until: &lt;b&gt;%1&lt;/b&gt;</source>
        <translation>Разрешено до: &lt;b&gt;%1&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Days allowed: %1</source>
        <translation>Разрешено дней: %1</translation>
    </message>
    <message>
        <source>Days used: %1</source>
        <translation>Использовано дней: %1</translation>
    </message>
    <message>
        <source>Days remaining: &lt;b&gt;%1&lt;/b&gt;</source>
        <translation>Осталось дней: &lt;b&gt;%1&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Policy %1</source>
        <translation>Правила, версия %1</translation>
    </message>
    <message>
        <source>No crossings on record.</source>
        <translation>Записанных пересечений нет.</translation>
    </message>
    <message>
        <source>(this checkpoint)</source>
        <translation>(этот пункт пропуска)</translation>
    </message>
    <message>
        <source>entry %1, matched on %2</source>
        <translation>запись %1, совпадение по: %2</translation>
    </message>
    <message>
        <source>Signer: %1</source>
        <translation>Подписант: %1</translation>
    </message>
    <message numerus="yes">
        <source>Visa %1: valid %2 to %3, %n day(s)</source>
        <translation>
            <numerusform>Виза %1: действует с %2 по %3, %n день</numerusform>
            <numerusform>Виза %1: действует с %2 по %3, %n дня</numerusform>
            <numerusform>Виза %1: действует с %2 по %3, %n дней</numerusform>
        </translation>
    </message>
    <message>
        <source>Flight &lt;b&gt;%1&lt;/b&gt; %2 → %3 on %4, seat %5</source>
        <translation>Рейс &lt;b&gt;%1&lt;/b&gt; %2 → %3, %4, место %5</translation>
    </message>
    <message>
        <source>✔ name matches the document</source>
        <translation>✔ имя совпадает с документом</translation>
    </message>
    <message>
        <source>✖ name differs from the document</source>
        <translation>✖ имя отличается от документа</translation>
    </message>
</context>
<context>
    <name>Kiosk::Ui::ConsoleText</name>
    <message>
        <source>Document type</source>
        <translation>Тип документа</translation>
    </message>
    <message>
        <source>Issuing state</source>
        <translation>Государство выдачи</translation>
    </message>
    <message>
        <source>Surname</source>
        <translation>Фамилия</translation>
    </message>
    <message>
        <source>Given names</source>
        <translation>Имя</translation>
    </message>
    <message>
        <source>Document number</source>
        <translation>Номер документа</translation>
    </message>
    <message>
        <source>Nationality</source>
        <translation>Гражданство</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>Дата рождения</translation>
    </message>
    <message>
        <source>Sex</source>
        <translation>Пол</translation>
    </message>
    <message>
        <source>Date of expiry</source>
        <translation>Дата окончания срока действия</translation>
    </message>
    <message>
        <source>Personal number</source>
        <translation>Личный номер</translation>
    </message>
    <message>
        <source>Optional data</source>
        <translation>Дополнительные данные</translation>
    </message>
    <message>
        <source>ADMIT</source>
        <translation>ПРОПУСТИТЬ</translation>
    </message>
    <message>
        <source>REFER</source>
        <translation>ДОП. ПРОВЕРКА</translation>
    </message>
    <message>
        <source>REFUSE</source>
        <translation>ОТКАЗ</translation>
    </message>
    <message>
        <source>may cross</source>
        <translation>может пересечь границу</translation>
    </message>
    <message>
        <source>officer must decide</source>
        <translation>решение принимает сотрудник</translation>
    </message>
    <message>
        <source>entry not allowed</source>
        <translation>въезд не разрешён</translation>
    </message>
    <message>
        <source>Visa-free nationality: may stay without a visa</source>
        <translation>Гражданство безвизовой страны: может находиться без визы</translation>
    </message>
    <message>
        <source>Holds a valid visa</source>
        <translation>Имеет действующую визу</translation>
    </message>
    <message>
        <source>A visa is required and none was found</source>
        <translation>Требуется виза, но она не найдена</translation>
    </message>
    <message>
        <source>The visa has expired</source>
        <translation>Срок действия визы истёк</translation>
    </message>
    <message>
        <source>The visa&apos;s entries are used up</source>
        <translation>Въезды по визе исчерпаны</translation>
    </message>
    <message>
        <source>The passport has expired</source>
        <translation>Срок действия паспорта истёк</translation>
    </message>
    <message>
        <source>A check digit of the document failed</source>
        <translation>Контрольная цифра документа неверна</translation>
    </message>
    <message>
        <source>Entry ban on record</source>
        <translation>Имеется запрет на въезд</translation>
    </message>
    <message>
        <source>Document reported lost or stolen: retain it</source>
        <translation>Документ заявлен как утерянный или похищенный: изъять</translation>
    </message>
    <message>
        <source>Person is wanted</source>
        <translation>Лицо находится в розыске</translation>
    </message>
    <message>
        <source>Protected person: not to be deported</source>
        <translation>Защищаемое лицо: не подлежит выдворению</translation>
    </message>
    <message>
        <source>Stayed longer than allowed</source>
        <translation>Превысил разрешённый срок пребывания</translation>
    </message>
    <message>
        <source>Citizen&apos;s exit is restricted</source>
        <translation>Выезд гражданина ограничен</translation>
    </message>
    <message>
        <source>The previous exit was never recorded</source>
        <translation>Предыдущий выезд не был записан</translation>
    </message>
    <message>
        <source>No entry on record for this exit</source>
        <translation>Для этого выезда нет записи о въезде</translation>
    </message>
    <message>
        <source>Holds a valid residence permit</source>
        <translation>Имеет действующее разрешение на проживание</translation>
    </message>
    <message>
        <source>Permit expired, within the grace period to leave</source>
        <translation>Разрешение истекло, но льготный срок для выезда ещё идёт</translation>
    </message>
    <message>
        <source>The permit has expired</source>
        <translation>Срок действия разрешения истёк</translation>
    </message>
    <message>
        <source>Citizen: free to cross</source>
        <translation>Гражданин: пересекает границу свободно</translation>
    </message>
    <message>
        <source>Minor travelling</source>
        <translation>Путешествует несовершеннолетний</translation>
    </message>
    <message>
        <source>The policy in force is out of date</source>
        <translation>Действующие правила устарели</translation>
    </message>
    <message>
        <source>The watchlists are out of date</source>
        <translation>Контрольные списки устарели</translation>
    </message>
    <message>
        <source>Crossing records differ from the signed log</source>
        <translation>Записи о пересечениях не совпадают с подписанным журналом</translation>
    </message>
    <message>
        <source>Possibly the same person as another record</source>
        <translation>Возможно, то же лицо, что и в другой записи</translation>
    </message>
    <message>
        <source>Entry ban</source>
        <translation>Запрет на въезд</translation>
    </message>
    <message>
        <source>Lost or stolen document</source>
        <translation>Утерянный или похищенный документ</translation>
    </message>
    <message>
        <source>Wanted</source>
        <translation>В розыске</translation>
    </message>
    <message>
        <source>Protected person</source>
        <translation>Защищаемое лицо</translation>
    </message>
    <message>
        <source>Exit restriction</source>
        <translation>Ограничение выезда</translation>
    </message>
    <message>
        <source>Entry</source>
        <translation>Въезд</translation>
    </message>
    <message>
        <source>Exit</source>
        <translation>Выезд</translation>
    </message>
    <message>
        <source>signature not checked</source>
        <translation>подпись не проверена</translation>
    </message>
    <message>
        <source>signature valid</source>
        <translation>подпись действительна</translation>
    </message>
    <message>
        <source>signature INVALID</source>
        <translation>подпись НЕДЕЙСТВИТЕЛЬНА</translation>
    </message>
    <message>
        <source>signer unknown: cannot verify</source>
        <translation>подписант неизвестен: проверить невозможно</translation>
    </message>
    <message>
        <source>Entry recorded</source>
        <translation>Въезд записан</translation>
    </message>
    <message>
        <source>Exit recorded</source>
        <translation>Выезд записан</translation>
    </message>
    <message>
        <source>Referred to secondary inspection</source>
        <translation>Направлен на дополнительный досмотр</translation>
    </message>
    <message>
        <source>Recorded with override</source>
        <translation>Записано с изменением решения</translation>
    </message>
    <message>
        <source>The visa-free days are used up</source>
        <translation>Дни безвизового пребывания исчерпаны</translation>
    </message>
    <message>
        <source>Visa fee waived for this nationality</source>
        <translation>Для этого гражданства визовый сбор не взимается</translation>
    </message>
    <message>
        <source>Stay shortened to the passport&apos;s expiry date</source>
        <translation>Срок пребывания ограничен датой окончания действия паспорта</translation>
    </message>
    <message>
        <source>Holds a valid work permit</source>
        <translation>Имеет действующее разрешение на работу</translation>
    </message>
    <message>
        <source>Stateless person: treated as a foreign national</source>
        <translation>Лицо без гражданства: применяются правила для иностранцев</translation>
    </message>
    <message>
        <source>Refugee: travels under the refugee regime</source>
        <translation>Беженец: применяется режим для беженцев</translation>
    </message>
</context>
<context>
    <name>Kiosk::Ui::ConsoleWindow</name>
    <message>
        <source>Border kiosk — officer console — %1</source>
        <translation>Пограничный киоск — консоль сотрудника — %1</translation>
    </message>
    <message>
        <source>Actions</source>
        <translation>Действия</translation>
    </message>
    <message>
        <source>Record entry</source>
        <translation>Записать въезд</translation>
    </message>
    <message>
        <source>Record exit</source>
        <translation>Записать выезд</translation>
    </message>
    <message>
        <source>Refer to secondary</source>
        <translation>На дополнительный досмотр</translation>
    </message>
    <message>
        <source>Override…</source>
        <translation>Изменить решение…</translation>
    </message>
    <message>
        <source>Type MRZ…</source>
        <translation>Ввести MRZ…</translation>
    </message>
    <message>
        <source>Switch lane direction</source>
        <translation>Сменить направление полосы</translation>
    </message>
    <message>
        <source>Next traveller</source>
        <translation>Следующий путешественник</translation>
    </message>
    <message>
        <source>Lock</source>
        <translation>Заблокировать</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>Выйти из системы</translation>
    </message>
    <message>
        <source>Officer %1</source>
        <translation>Сотрудник %1</translation>
    </message>
    <message>
        <source>Lane: %1</source>
        <translation>Полоса: %1</translation>
    </message>
    <message>
        <source>%1. Read the next document.</source>
        <translation>%1. Считайте следующий документ.</translation>
    </message>
    <message>
        <source>Referred to secondary inspection.</source>
        <translation>Направлен на дополнительный досмотр.</translation>
    </message>
    <message>
        <source>Recorded with override; the override is its own signed event.</source>
        <translation>Записано с изменением решения; изменение — отдельное подписанное событие.</translation>
    </message>
    <message>
        <source>manual entry</source>
        <translation>ручной ввод</translation>
    </message>
</context>
<context>
    <name>Kiosk::Ui::InfoText</name>
    <message>
        <source>Azerbaijan</source>
        <translation>Азербайджан</translation>
    </message>
    <message>
        <source>Belarus</source>
        <translation>Беларусь</translation>
    </message>
    <message>
        <source>Georgia</source>
        <translation>Грузия</translation>
    </message>
    <message>
        <source>Japan</source>
        <translation>Япония</translation>
    </message>
    <message>
        <source>Kazakhstan</source>
        <translation>Казахстан</translation>
    </message>
    <message>
        <source>Kyrgyzstan</source>
        <translation>Кыргызстан</translation>
    </message>
    <message>
        <source>Moldova</source>
        <translation>Молдова</translation>
    </message>
    <message>
        <source>Mongolia</source>
        <translation>Монголия</translation>
    </message>
    <message>
        <source>Pakistan</source>
        <translation>Пакистан</translation>
    </message>
    <message>
        <source>Russia</source>
        <translation>Россия</translation>
    </message>
    <message>
        <source>Tajikistan</source>
        <translation>Таджикистан</translation>
    </message>
    <message>
        <source>Turkey</source>
        <translation>Турция</translation>
    </message>
    <message>
        <source>Ukraine</source>
        <translation>Украина</translation>
    </message>
    <message>
        <source>Uzbekistan</source>
        <translation>Узбекистан</translation>
    </message>
    <message>
        <source>Visas</source>
        <translation>Визы</translation>
    </message>
    <message>
        <source>Work permits</source>
        <translation>Разрешение на работу</translation>
    </message>
    <message numerus="yes">
        <source>Citizens of %1 may enter without a visa and stay for up to %n day(s).</source>
        <translation>
            <numerusform>Без визы могут въехать и оставаться до %n дня граждане этих стран: %1.</numerusform>
            <numerusform>Без визы могут въехать и оставаться до %n дней граждане этих стран: %1.</numerusform>
            <numerusform>Без визы могут въехать и оставаться до %n дней граждане этих стран: %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>Everyone else needs a visa. The stay allowed is the period written on the visa.</source>
        <translation>Всем остальным нужна виза. Разрешённый срок пребывания — срок, указанный в визе.</translation>
    </message>
    <message>
        <source>%1: without a fee</source>
        <translation>%1: без сбора</translation>
    </message>
    <message numerus="yes">
        <source>%1: without a fee for stays of up to %n day(s)</source>
        <translation>
            <numerusform>%1: без сбора при пребывании до %n дня</numerusform>
            <numerusform>%1: без сбора при пребывании до %n дней</numerusform>
            <numerusform>%1: без сбора при пребывании до %n дней</numerusform>
        </translation>
    </message>
    <message>
        <source>Some citizens receive the visa without paying the fee:</source>
        <translation>Граждане некоторых стран получают визу без уплаты сбора:</translation>
    </message>
    <message>
        <source>Visas are issued by the embassies and consulates of Azerbaijan.</source>
        <translation>Визы выдают посольства и консульства Азербайджана.</translation>
    </message>
    <message>
        <source>Documents for a visa application:</source>
        <translation>Документы для получения визы:</translation>
    </message>
    <message>
        <source>the completed application form</source>
        <translation>заполненная анкета</translation>
    </message>
    <message>
        <source>two colour photographs, 3 × 4 cm</source>
        <translation>две цветные фотографии 3 × 4 см</translation>
    </message>
    <message>
        <source>your passport (stateless persons: an identity document)</source>
        <translation>ваш паспорт (для лиц без гражданства — удостоверение личности)</translation>
    </message>
    <message>
        <source>a declaration from the host party</source>
        <translation>заявление принимающей стороны</translation>
    </message>
    <message>
        <source>a cheque for the fee</source>
        <translation>чек об оплате сбора</translation>
    </message>
    <message>
        <source>Anyone who arrives without a valid passport, visa or other document that entitles them to cross the border is sent back to the country they came from.</source>
        <translation>Тот, кто прибыл без действительного паспорта, визы или иного документа, дающего право пересечь границу, возвращается в страну, из которой прибыл.</translation>
    </message>
    <message>
        <source>If necessary, a temporary stay can be extended: apply to the State Migration Service.</source>
        <translation>При необходимости срок временного пребывания можно продлить: обратитесь в Государственную миграционную службу.</translation>
    </message>
    <message>
        <source>Foreign nationals may work in Azerbaijan only after receiving a work permit.</source>
        <translation>Иностранцы могут работать в Азербайджане только после получения разрешения на работу.</translation>
    </message>
    <message>
        <source>The employer applies for the permit. It is issued for one year and can be renewed four times, each time for one more year.</source>
        <translation>Разрешение запрашивает работодатель. Оно выдаётся на один год и может быть продлено четыре раза, каждый раз ещё на год.</translation>
    </message>
    <message>
        <source>The employer may apply before you arrive; you then receive a copy of the employment contract before you enter the country.</source>
        <translation>Работодатель может подать запрос ещё до вашего приезда; тогда до въезда в страну вы получаете копию трудового договора.</translation>
    </message>
    <message>
        <source>Work permits are issued by the State Migration Service.</source>
        <translation>Разрешения на работу выдаёт Государственная миграционная служба.</translation>
    </message>
    <message>
        <source>No work permit is needed for:</source>
        <translation>Разрешение на работу не требуется:</translation>
    </message>
    <message>
        <source>persons permanently resident in Azerbaijan</source>
        <translation>лицам, постоянно проживающим в Азербайджане</translation>
    </message>
    <message>
        <source>persons engaged in business activities</source>
        <translation>лицам, занимающимся предпринимательской деятельностью</translation>
    </message>
    <message>
        <source>senior staff of organisations set up under international agreements</source>
        <translation>руководящим работникам организаций, созданных на основе международных договоров</translation>
    </message>
    <message>
        <source>staff of diplomatic missions and consular offices</source>
        <translation>сотрудникам дипломатических представительств и консульских учреждений</translation>
    </message>
    <message>
        <source>staff of international organisations</source>
        <translation>сотрудникам международных организаций</translation>
    </message>
    <message>
        <source>persons on a mission of no more than three months</source>
        <translation>лицам в командировке сроком не более трёх месяцев</translation>
    </message>
    <message>
        <source>persons in religious activities of state-registered religious organisations</source>
        <translation>лицам, ведущим религиозную деятельность в зарегистрированных государством религиозных организациях</translation>
    </message>
    <message>
        <source>accredited media staff</source>
        <translation>аккредитованным сотрудникам СМИ</translation>
    </message>
    <message>
        <source>sailors</source>
        <translation>морякам</translation>
    </message>
    <message>
        <source>athletes and artists</source>
        <translation>спортсменам и деятелям искусства</translation>
    </message>
    <message>
        <source>university teachers invited to lecture, lecturers and scientific researchers</source>
        <translation>преподавателям вузов, приглашённым для чтения лекций, лекторам и научным исследователям</translation>
    </message>
    <message>
        <source>Working without the required work permit makes a person an illegal migrant.</source>
        <translation>Тот, кто работает без необходимого разрешения на работу, считается незаконным мигрантом.</translation>
    </message>
    <message>
        <source>To stay in Azerbaijan for more than 90 days you need permission: apply to the State Migration Service for a temporary residence permit.</source>
        <translation>Чтобы находиться в Азербайджане дольше 90 дней, нужно разрешение: обратитесь в Государственную миграционную службу за разрешением на временное проживание.</translation>
    </message>
    <message>
        <source>A temporary residence permit is issued, among others, to:</source>
        <translation>Разрешение на временное проживание выдаётся, в частности:</translation>
    </message>
    <message>
        <source>close relatives of Azerbaijani citizens</source>
        <translation>близким родственникам граждан Азербайджана</translation>
    </message>
    <message>
        <source>spouses of Azerbaijani citizens</source>
        <translation>супругам граждан Азербайджана</translation>
    </message>
    <message>
        <source>holders of a work permit</source>
        <translation>лицам, получившим разрешение на работу</translation>
    </message>
    <message>
        <source>full-time students in Azerbaijan</source>
        <translation>студентам очной формы обучения в Азербайджане</translation>
    </message>
    <message>
        <source>highly qualified specialists and top athletes</source>
        <translation>высококвалифицированным специалистам и ведущим спортсменам</translation>
    </message>
    <message>
        <source>persons who have deposited 50,000 manats in an Azerbaijani bank</source>
        <translation>лицам, разместившим 50 000 манатов в азербайджанском банке</translation>
    </message>
    <message>
        <source>persons who have invested at least 500,000 manats in the economy of Azerbaijan</source>
        <translation>лицам, вложившим в экономику Азербайджана не менее 500 000 манатов</translation>
    </message>
    <message>
        <source>The permit is granted for one year and may be extended for not more than four years.</source>
        <translation>Разрешение выдаётся на один год и может быть продлено не более чем на четыре года.</translation>
    </message>
    <message>
        <source>After at least two years of legal temporary residence you may be granted permanent residence (immigrant status).</source>
        <translation>После не менее двух лет законного временного проживания вам может быть предоставлено право на постоянное проживание (статус иммигранта).</translation>
    </message>
    <message>
        <source>With a temporary or permanent residence permit you leave and return on your passport and the permit; no return visa is needed.</source>
        <translation>С разрешением на временное или постоянное проживание вы выезжаете и возвращаетесь по паспорту и разрешению; обратная виза не нужна.</translation>
    </message>
    <message>
        <source>Staying longer than the law or your visa allows makes you an illegal migrant: a fine or deportation may follow.</source>
        <translation>Тот, кто остаётся дольше, чем позволяет закон или виза, считается незаконным мигрантом: возможны штраф или выдворение.</translation>
    </message>
    <message>
        <source>Migration Information Centre of the State Migration Service: telephone 919, in Azerbaijani, Russian and English.</source>
        <translation>Миграционный информационный центр Государственной миграционной службы: телефон 919, на азербайджанском, русском и английском языках.</translation>
    </message>
    <message>
        <source>Official websites, with information on entry, residence, work, fees and your rights:</source>
        <translation>Официальные сайты с информацией о въезде, проживании, работе, сборах и ваших правах:</translation>
    </message>
    <message>
        <source>www.migration.gov.az: State Migration Service</source>
        <translation>www.migration.gov.az: Государственная миграционная служба</translation>
    </message>
    <message>
        <source>www.mfa.gov.az: Ministry of Foreign Affairs</source>
        <translation>www.mfa.gov.az: Министерство иностранных дел</translation>
    </message>
    <message>
        <source>www.mia.gov.az: Ministry of Internal Affairs</source>
        <translation>www.mia.gov.az: Министерство внутренних дел</translation>
    </message>
    <message>
        <source>On the State Migration Service&apos;s website you can ask a question through its question-and-answer service or by e-mail.</source>
        <translation>На сайте Государственной миграционной службы можно задать вопрос через службу «вопрос — ответ» или по электронной почте.</translation>
    </message>
    <message>
        <source>The embassies and consulates of Azerbaijan give this information on request, free of charge.</source>
        <translation>Посольства и консульства Азербайджана предоставляют эту информацию по запросу бесплатно.</translation>
    </message>
    <message>
        <source>Please see a border officer.</source>
        <translation>Пожалуйста, обратитесь к сотруднику пограничной службы.</translation>
    </message>
    <message>
        <source>A border officer will answer your questions about your entry and stay.</source>
        <translation>Сотрудник пограничной службы ответит на ваши вопросы о въезде и пребывании.</translation>
    </message>
    <message>
        <source>With this passport a visa is needed to enter Azerbaijan. Visas are issued by the embassies and consulates of Azerbaijan (§19, §20).</source>
        <translation>С этим паспортом для въезда в Азербайджан нужна виза. Визы выдают посольства и консульства Азербайджана (§19, §20).</translation>
    </message>
    <message numerus="yes">
        <source>For your nationality the visa is issued without a fee for stays of up to %n day(s) (§21).</source>
        <translation>
            <numerusform>Гражданам вашей страны виза выдаётся без сбора при пребывании до %n дня (§21).</numerusform>
            <numerusform>Гражданам вашей страны виза выдаётся без сбора при пребывании до %n дней (§21).</numerusform>
            <numerusform>Гражданам вашей страны виза выдаётся без сбора при пребывании до %n дней (§21).</numerusform>
        </translation>
    </message>
    <message>
        <source>For your nationality the visa is issued without a fee (§21).</source>
        <translation>Гражданам вашей страны виза выдаётся без сбора (§21).</translation>
    </message>
    <message>
        <source>Welcome home.</source>
        <translation>Добро пожаловать домой.</translation>
    </message>
    <message>
        <source>Citizens of Azerbaijan enter, stay and leave freely (§225).</source>
        <translation>Граждане Азербайджана свободно въезжают, находятся в стране и выезжают из неё (§225).</translation>
    </message>
    <message>
        <source>You may stay in Azerbaijan until %1.</source>
        <translation>Вы можете оставаться в Азербайджане до %1.</translation>
    </message>
    <message>
        <source>Today is the last day of your stay.</source>
        <translation>Сегодня последний день вашего пребывания.</translation>
    </message>
    <message numerus="yes">
        <source>That is %n more day(s) after today.</source>
        <translation>
            <numerusform>После сегодняшнего дня у вас остаётся ещё %n день.</numerusform>
            <numerusform>После сегодняшнего дня у вас остаётся ещё %n дня.</numerusform>
            <numerusform>После сегодняшнего дня у вас остаётся ещё %n дней.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>With your passport you need no visa: up to %n day(s) from each entry (§21, §127).</source>
        <translation>
            <numerusform>С вашим паспортом виза не нужна: до %n дня с каждого въезда (§21, §127).</numerusform>
            <numerusform>С вашим паспортом виза не нужна: до %n дней с каждого въезда (§21, §127).</numerusform>
            <numerusform>С вашим паспортом виза не нужна: до %n дней с каждого въезда (§21, §127).</numerusform>
        </translation>
    </message>
    <message>
        <source>Your stay is the period on your visa (§19, §127).</source>
        <translation>Срок вашего пребывания — срок, указанный в визе (§19, §127).</translation>
    </message>
    <message>
        <source>Your residence permit covers the stay; with it you leave and return without a visa (§44).</source>
        <translation>Ваше пребывание основано на разрешении на проживание; с ним вы выезжаете и возвращаетесь без визы (§44).</translation>
    </message>
    <message>
        <source>This is the expiry date of your passport: a stay never goes beyond it.</source>
        <translation>Это дата окончания срока действия вашего паспорта: пребывание не может продолжаться дольше.</translation>
    </message>
    <message>
        <source>To stay longer, apply to the State Migration Service for a temporary residence permit (§128–131).</source>
        <translation>Чтобы остаться дольше, обратитесь в Государственную миграционную службу за разрешением на временное проживание (§128–131).</translation>
    </message>
    <message>
        <source>To work in Azerbaijan you need a work permit, unless you are exempt (§80, §86).</source>
        <translation>Для работы в Азербайджане нужно разрешение на работу, если вы не освобождены от него (§80, §86).</translation>
    </message>
    <message>
        <source>Welcome to Azerbaijan</source>
        <translation>Добро пожаловать в Азербайджан</translation>
    </message>
    <message>
        <source>Place your passport on the reader, photo page down, to see how long you may stay.</source>
        <translation>Положите паспорт на считыватель страницей с фотографией вниз, чтобы узнать, сколько вы можете оставаться в стране.</translation>
    </message>
    <message>
        <source>This screen only gives information. Nothing is recorded, and your data is cleared when you leave.</source>
        <translation>Этот экран только информирует. Ничего не записывается, а ваши данные стираются, когда вы уходите.</translation>
    </message>
    <message>
        <source>Information without a passport:</source>
        <translation>Информация без паспорта:</translation>
    </message>
    <message>
        <source>Questions? Migration Information Centre: call 919 (Azerbaijani, Russian, English).</source>
        <translation>Есть вопросы? Миграционный информационный центр: звоните 919 (на азербайджанском, русском, английском).</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Язык</translation>
    </message>
    <message>
        <source>Show this screen in %1</source>
        <translation>Показать экран на языке: %1</translation>
    </message>
    <message>
        <source>Finish</source>
        <translation>Завершить</translation>
    </message>
    <message>
        <source>Clear the screen and return to the start</source>
        <translation>Очистить экран и вернуться в начало</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Назад</translation>
    </message>
    <message>
        <source>Return to the previous screen</source>
        <translation>Вернуться к предыдущему экрану</translation>
    </message>
    <message>
        <source>Open the page: %1</source>
        <translation>Открыть страницу: %1</translation>
    </message>
    <message>
        <source>Source: %1</source>
        <extracomment>The paragraphs of the source report a statement comes from, e.g. &quot;Source: §20&quot;.</extracomment>
        <translation>Источник: %1</translation>
    </message>
    <message>
        <source>Information for travellers</source>
        <translation>Информация для путешественников</translation>
    </message>
    <message>
        <source>Staff only</source>
        <translation>Только для персонала</translation>
    </message>
    <message>
        <source>Enter the staff PIN to leave the information screen.</source>
        <translation>Введите PIN-код персонала, чтобы выйти из информационного экрана.</translation>
    </message>
    <message>
        <source>Staff PIN</source>
        <translation>PIN-код персонала</translation>
    </message>
    <message>
        <source>Leave</source>
        <translation>Выйти</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <source>Wrong PIN.</source>
        <translation>Неверный PIN-код.</translation>
    </message>
    <message>
        <source>Longer stays</source>
        <translation>Долгое пребывание</translation>
    </message>
    <message>
        <source>Help: 919</source>
        <translation>Помощь: 919</translation>
    </message>
</context>
<context>
    <name>Kiosk::Ui::ManualMrzDialog</name>
    <message>
        <source>Type the MRZ</source>
        <translation>Введите MRZ</translation>
    </message>
    <message>
        <source>Machine readable zone, two or three lines</source>
        <translation>Машиночитаемая зона, две или три строки</translation>
    </message>
    <message>
        <source>Check this document</source>
        <translation>Проверить этот документ</translation>
    </message>
    <message>
        <source>Type the lines at the bottom of the data page; use &lt; for the filler.</source>
        <translation>Введите строки внизу страницы с данными; заполнитель — знак &lt;.</translation>
    </message>
    <message>
        <source>Waiting for input.</source>
        <translation>Ожидание ввода.</translation>
    </message>
    <message numerus="yes">
        <source>Line %1: %n character(s)</source>
        <translation>
            <numerusform>Строка %1: %n символ</numerusform>
            <numerusform>Строка %1: %n символа</numerusform>
            <numerusform>Строка %1: %n символов</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: check digit OK</source>
        <translation>%1: контрольная цифра верна</translation>
    </message>
    <message>
        <source>%1: check digit FAILS</source>
        <translation>%1: контрольная цифра НЕВЕРНА</translation>
    </message>
    <message>
        <source>✔ composite check digit OK</source>
        <translation>✔ общая контрольная цифра верна</translation>
    </message>
    <message>
        <source>✖ composite check digit FAILS</source>
        <translation>✖ общая контрольная цифра НЕВЕРНА</translation>
    </message>
</context>
<context>
    <name>Kiosk::Ui::OverrideDialog</name>
    <message>
        <source>Override the verdict</source>
        <translation>Изменить решение</translation>
    </message>
    <message>
        <source>Reason for the override</source>
        <translation>Причина изменения решения</translation>
    </message>
    <message>
        <source>Record with override</source>
        <translation>Записать с изменением решения</translation>
    </message>
    <message>
        <source>Current verdict</source>
        <translation>Текущее решение</translation>
    </message>
    <message>
        <source>New verdict</source>
        <translation>Новое решение</translation>
    </message>
    <message>
        <source>Record as</source>
        <translation>Записать как</translation>
    </message>
    <message>
        <source>Reason (required)</source>
        <translation>Причина (обязательно)</translation>
    </message>
    <message>
        <source>Choose a verdict different from the current one.</source>
        <translation>Выберите решение, отличное от текущего.</translation>
    </message>
    <message numerus="yes">
        <source>Type the reason: at least %n characters. It is recorded and signed with your id.</source>
        <translation>
            <numerusform>Введите причину: не менее %n символа. Она записывается и подписывается вместе с вашим идентификатором.</numerusform>
            <numerusform>Введите причину: не менее %n символов. Она записывается и подписывается вместе с вашим идентификатором.</numerusform>
            <numerusform>Введите причину: не менее %n символов. Она записывается и подписывается вместе с вашим идентификатором.</numerusform>
        </translation>
    </message>
    <message>
        <source>The override is recorded as its own signed event.</source>
        <translation>Изменение решения записывается как отдельное подписанное событие.</translation>
    </message>
</context>
<context>
    <name>Kiosk::Ui::SignInPage</name>
    <message>
        <source>Operator id</source>
        <translation>Идентификатор оператора</translation>
    </message>
    <message>
        <source>PIN</source>
        <translation>PIN-код</translation>
    </message>
    <message>
        <source>Officer sign-in</source>
        <translation>Вход сотрудника</translation>
    </message>
    <message>
        <source>Sign in (Enter)</source>
        <translation>Войти (Enter)</translation>
    </message>
    <message>
        <source>Console locked</source>
        <translation>Консоль заблокирована</translation>
    </message>
    <message>
        <source>Unlock (Enter)</source>
        <translation>Разблокировать (Enter)</translation>
    </message>
</context>
<context>
    <name>Kiosk::Ui::SyncStatusWidget</name>
    <message numerus="yes">
        <source>%n s</source>
        <translation>
            <numerusform>%n с</numerusform>
            <numerusform>%n с</numerusform>
            <numerusform>%n с</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n min</source>
        <translation>
            <numerusform>%n мин</numerusform>
            <numerusform>%n мин</numerusform>
            <numerusform>%n мин</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n h</source>
        <translation>
            <numerusform>%n ч</numerusform>
            <numerusform>%n ч</numerusform>
            <numerusform>%n ч</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n d</source>
        <translation>
            <numerusform>%n дн.</numerusform>
            <numerusform>%n дн.</numerusform>
            <numerusform>%n дн.</numerusform>
        </translation>
    </message>
    <message>
        <source>● Online</source>
        <translation>● В сети</translation>
    </message>
    <message>
        <source>○ Offline</source>
        <translation>○ Нет связи</translation>
    </message>
    <message>
        <source>Last error: %1</source>
        <translation>Последняя ошибка: %1</translation>
    </message>
    <message>
        <source>No events pending</source>
        <translation>Нет событий в очереди</translation>
    </message>
    <message numerus="yes">
        <source>%n event(s) pending, oldest %1</source>
        <translation>
            <numerusform>В очереди %n событие, самое старое — %1</numerusform>
            <numerusform>В очереди %n события, самое старое — %1</numerusform>
            <numerusform>В очереди %n событий, самое старое — %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n event(s) pending</source>
        <translation>
            <numerusform>В очереди %n событие</numerusform>
            <numerusform>В очереди %n события</numerusform>
            <numerusform>В очереди %n событий</numerusform>
        </translation>
    </message>
    <message>
        <source>Last sync %1 ago</source>
        <translation>Последняя синхронизация %1 назад</translation>
    </message>
    <message>
        <source>Never synced</source>
        <translation>Синхронизации ещё не было</translation>
    </message>
    <message>
        <source>No policy</source>
        <translation>Нет правил</translation>
    </message>
    <message>
        <source>Policy %1</source>
        <translation>Правила, версия %1</translation>
    </message>
    <message>
        <source>⚠ Watchlists not loaded</source>
        <translation>⚠ Контрольные списки не загружены</translation>
    </message>
    <message>
        <source>⚠ Watchlists STALE: %1 old</source>
        <translation>⚠ Контрольные списки УСТАРЕЛИ: возраст %1</translation>
    </message>
    <message>
        <source>Watchlists %1 old</source>
        <translation>Возраст контрольных списков: %1</translation>
    </message>
    <message numerus="yes">
        <source>⚠ %n event(s) REJECTED by central</source>
        <translation>
            <numerusform>⚠ %n событие ОТКЛОНЕНО центром</numerusform>
            <numerusform>⚠ %n события ОТКЛОНЕНЫ центром</numerusform>
            <numerusform>⚠ %n событий ОТКЛОНЕНО центром</numerusform>
        </translation>
    </message>
    <message>
        <source>⚠ Central answering wrongly</source>
        <translation>⚠ Центр отвечает некорректно</translation>
    </message>
    <message>
        <source>Sync failed: %1</source>
        <translation>Сбой синхронизации: %1</translation>
    </message>
    <message numerus="yes">
        <source>⚠ %n pulled event(s) unverified</source>
        <translation>
            <numerusform>⚠ %n полученное событие не проверено</numerusform>
            <numerusform>⚠ %n полученных события не проверены</numerusform>
            <numerusform>⚠ %n полученных событий не проверено</numerusform>
        </translation>
    </message>
    <message>
        <source>Events of other checkpoints that do not verify yet: kept aside and retried each round</source>
        <translation>События других пунктов пропуска, которые пока не прошли проверку: отложены и проверяются заново при каждой синхронизации</translation>
    </message>
</context>
<context>
    <name>Kiosk::Ui::VerdictBanner</name>
    <message>
        <source>Place a document on the reader.</source>
        <translation>Положите документ на считыватель.</translation>
    </message>
    <message>
        <source>%1 — %2 (%3)</source>
        <translation>%1 — %2 (%3)</translation>
    </message>
    <message>
        <source>No verdict</source>
        <translation>Решения нет</translation>
    </message>
</context>
<context>
    <name>border-kiosk</name>
    <message>
        <source> — DEMO (sign in as %1, PIN %2)</source>
        <translation> — ДЕМО (войдите как %1, PIN %2)</translation>
    </message>
</context>
</TS>
