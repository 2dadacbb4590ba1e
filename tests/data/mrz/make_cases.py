#!/usr/bin/env python3
"""Builds cases.json, the table-driven cases of tests/unit/mrz/tst_mrzparser.cpp.

The *inputs* are composed here so that their check digits are right (computed by the small,
independent ICAO 9303-3 §4.9 routine below) unless a case breaks one on purpose; every
*expectation* is written out by hand. Run: python3 tests/data/mrz/make_cases.py
All people are synthetic (ICAO's own specimen holder, or invented names).
"""
import json
import os

W = (7, 3, 1)


def val(c):
    if c.isdigit():
        return int(c)
    if 'A' <= c <= 'Z':
        return ord(c) - 55
    assert c == '<', c
    return 0


def cd(s):
    return str(sum(val(c) * W[i % 3] for i, c in enumerate(s)) % 10)


def pad(s, n):
    assert len(s) <= n, (s, n)
    return s + '<' * (n - len(s))


def td3(code='P<', state='UTO', name='ERIKSSON<<ANNA<MARIA', number='L898902C3', nat='UTO', birth='740812',
        sex='F', expiry='120415', personal='ZE184226B', visa=False, fix=None, width=44, filler_check=False):
    """TD3 (9303-4) or, with visa=True, MRV-A/MRV-B (9303-7). `fix` edits line 2 after the
    check digits are computed: {position(1-based): char}. filler_check: '<' as the check
    digit of an empty personal number (AUT/CHE/IND practice)."""
    l1 = code + state + pad(name, width - 5)
    num = pad(number[:9], 9)
    core = num + cd(num) + nat + birth + cd(birth) + sex + expiry + cd(expiry)
    if visa:
        l2 = core + pad(personal, width - 28)
    elif width == 44:
        pn = pad(personal, 14)
        pcd = '<' if filler_check and not personal else cd(pn)
        l2 = core + pn + pcd
        l2 += cd(l2[0:10] + l2[13:20] + l2[21:43])
    else:  # TD2 (9303-6); a number longer than 9 continues in the optional data (note j)
        if len(number) > 9:
            core = number[:9] + '<' + core[10:]
            personal = number[9:] + cd(number) + ('<' + personal if len(number) < 15 else '')
        l2 = core + pad(personal, 7)
        l2 += cd(l2[0:10] + l2[13:20] + l2[21:35])
    l2 = apply(l2, fix)
    assert len(l1) == width and len(l2) == width, (l1, l2)
    return [l1, l2]


def td1(code='I<', state='UTO', number='D23145890', opt1='', birth='740812', sex='F', expiry='120415', nat='UTO',
        opt2='', name='ERIKSSON<<ANNA<MARIA', fix1=None, fix2=None):
    """TD1 (9303-5); a number longer than 9 continues in the optional data (§4.2.2 note j)."""
    if len(number) > 9:
        field = number[:9] + '<'
        rest = number[9:] + cd(number)
        if len(rest) < 15:
            rest += '<' + opt1
    else:
        field = pad(number, 9) + cd(pad(number, 9))
        rest = opt1
    l1 = code + state + field + pad(rest, 15)
    l2 = birth + cd(birth) + sex + expiry + cd(expiry) + nat + pad(opt2, 11)
    l2 += cd(l1[5:30] + l2[0:7] + l2[8:15] + l2[18:29])
    l3 = pad(name, 30)
    l1, l2 = apply(l1, fix1), apply(l2, fix2)
    assert len(l1) == len(l2) == len(l3) == 30
    return [l1, l2, l3]


def apply(line, fix):
    for pos, ch in (fix or {}).items():
        line = line[:pos - 1] + ch + line[pos:]
    return line


SPEC = {'surname': 'ERIKSSON', 'given_names': 'ANNA MARIA'}
ALL_OK = {'document_number': True, 'birth_date': True, 'expiry_date': True, 'optional_data': True, 'composite': True}
TD1_OK = dict(ALL_OK, optional_data=None)
MRV_OK = dict(ALL_OK, optional_data=None, composite=None)

cases = []


def case(name, source, lines, expect, today='2026-11-29', correct=False, text=None):
    e = {'error_codes': [], 'warning_codes': []}
    e.update(expect)
    cases.append({'name': name, 'source': source, 'text': text if text is not None else '\n'.join(lines),
                  'today': today, 'correct': correct, 'expect': e})


# --- Specimens of ICAO 9303 parts 4-7 (the fictitious holder of the spec, state UTO) -----
case('icao-9303-4 td3 specimen', '9303-4 Appendix A, Figure A-1',
     ['P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<', 'L898902C36UTO7408122F1204159ZE184226B<<<<<10'],
     dict(SPEC, format='TD3', document_code='P', issuing_state='UTO', document_number='L898902C3', nationality='UTO',
          birth_date='1974-08-12', birth_date_raw='740812', sex='F', expiry_date='2012-04-15', expiry_date_raw='120415',
          optional_data='ZE184226B', optional_data_2='', checks=ALL_OK, valid=True, corrections=[]))
case('icao-9303-5 td1 specimen', '9303-5 Appendix A, Figure A-1',
     ['I<UTOD231458907<<<<<<<<<<<<<<<', '7408122F1204159UTO<<<<<<<<<<<6', 'ERIKSSON<<ANNA<MARIA<<<<<<<<<<'],
     dict(SPEC, format='TD1', document_code='I', document_number='D23145890', birth_date='1974-08-12',
          expiry_date='2012-04-15', optional_data='', optional_data_2='', checks=TD1_OK, valid=True))
case('icao-9303-5 td1 long document number', '9303-5 §4.2.2 note j (number D23145890734)',
     td1(number='D23145890734'),
     dict(SPEC, format='TD1', document_number='D23145890734', optional_data='', checks=TD1_OK, valid=True))
case('icao-9303-6 td2 specimen', '9303-6 Appendix A, Figure A-1',
     ['I<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<', 'D231458907UTO7408122F1204159<<<<<<<6'],
     dict(SPEC, format='TD2', document_code='I', document_number='D23145890', birth_date='1974-08-12',
          expiry_date='2012-04-15', optional_data='', checks=TD1_OK, valid=True))
case('icao-9303-7 mrv-a specimen', '9303-7 Appendix A, Figure A-1 (MRV-A)',
     ['V<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<', 'L8988901C4XXX4009078F96121096ZE184226B<<<<<<'],
     dict(SPEC, format='MRVA', document_code='V', document_number='L8988901C', nationality='XXX',
          birth_date='1940-09-07', expiry_date='1996-12-10', optional_data='6ZE184226B', checks=MRV_OK, valid=True))
case('icao-9303-7 mrv-b specimen', '9303-7 Appendix A, Figure A-2 (MRV-B)',
     ['V<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<', 'L8988901C4XXX4009078F9612109<<<<<<<<'],
     dict(SPEC, format='MRVB', document_code='V', document_number='L8988901C', nationality='XXX',
          birth_date='1940-09-07', expiry_date='1996-12-10', optional_data='', checks=MRV_OK, valid=True))

# --- Real-world quirks ------------------------------------------------------------------
quirk = td3(code='P<', state='AUT', name='MUSTERFRAU<<ERIKA', number='P1234567', nat='AUT', birth='830812', sex='F',
            expiry='310409', personal='', filler_check=True)
case("austrian passport: '<' as check digit of an empty personal number", 'issue 2 §2; AUT/CHE/IND practice', quirk,
     dict(format='TD3', issuing_state='AUT', surname='MUSTERFRAU', given_names='ERIKA', optional_data='',
          checks=ALL_OK, valid=True))
q = td3(state='CHE', name='MUSTER<<HANS', number='X0000000', nat='CHE', birth='650101', sex='M', expiry='300101', personal='',
        filler_check=True)
case("swiss passport: '<' check digit, composite over '<'", 'issue 2 §2', q,
     dict(format='TD3', nationality='CHE', sex='M', birth_date='1965-01-01', expiry_date='2030-01-01', checks=ALL_OK, valid=True))
q = td3(state='IND', name='SHARMA<<RAVI<KUMAR', number='Z1234567', nat='IND', birth='900515', sex='M', expiry='341231', personal='',
        filler_check=True)
case("indian passport: '<' check digit of empty personal number", 'issue 2 §2', q,
     dict(format='TD3', given_names='RAVI KUMAR', checks=ALL_OK, valid=True))
case("empty personal number with check digit 0", '9303-4 §4.2.2', td3(personal=''),
     dict(optional_data='', checks=ALL_OK, valid=True))
q = td3(personal='ZE184226B', fix={43: '<'})
case("'<' check digit with a non-empty personal number fails", '9303-4 §4.2.2', q,
     dict(checks=dict(ALL_OK, optional_data=False, composite=False), valid=False))
case("'<' as birth-date check digit fails", '9303-3 §4.9', td3(fix={20: '<'}),
     dict(checks=dict(ALL_OK, birth_date=False, composite=False), valid=False))

# --- TD1 long document numbers (9303-5 §4.2.2 note j) -------------------------------------
case('td1 long number with optional data after it', '9303-5 §4.2.2 note j', td1(number='AB12345678901', opt1='XY1'),
     dict(document_number='AB12345678901', optional_data='XY1', checks=TD1_OK, valid=True))
case('td1 longest number fills the optional data', '9303-5 §4.2.2 note j',
     td1(number='ABCDEFGHI' + '12345678901234'),
     dict(document_number='ABCDEFGHI12345678901234', optional_data='', checks=TD1_OK, valid=True))
case("td1 '<' check digit but no continuation", '9303-5 §4.2.2 note j',
     td1(number='D23145890', fix1={15: '<'}),
     dict(document_number='D23145890', error_codes=['MRZ_BAD_DOCUMENT_NUMBER'],
          checks=dict(TD1_OK, document_number=False, composite=False), valid=False))
case('td1 long number with a wrong check digit', '9303-5 §4.2.2 note j', td1(number='D23145890734', fix1={19: '1'}),
     dict(document_number='D23145890734', checks=dict(TD1_OK, document_number=False, composite=False), valid=False))
case('td2 long document number', '9303-6 note j', td3(code='I<', width=36, number='ZA1234567890', personal=''),
     dict(format='TD2', document_number='ZA1234567890', optional_data='', checks=TD1_OK, valid=True))
case("td2 '<' check digit but no continuation", '9303-6 note j', td3(code='I<', width=36, number='ZA1234567', personal='', fix={10: '<'}),
     dict(format='TD2', error_codes=['MRZ_BAD_DOCUMENT_NUMBER'], checks=dict(TD1_OK, document_number=False, composite=False),
          valid=False))
case('td1 with both optional data fields', '9303-5 §4.2.2', td1(opt1='AB<12', opt2='CD3<<4'),
     dict(optional_data='AB<12', optional_data_2='CD3<<4', checks=TD1_OK, valid=True))

# --- Names (9303-3 §4.6) -----------------------------------------------------------------
case('holder with a single name: empty given names', '9303-3 §4.6', td3(name='MARIA'),
     dict(surname='MARIA', given_names='', valid=True))
case('multi-part surname and three given names', '9303-3 §4.6', td3(name='VAN<DER<BERG<<JAN<PIETER<KLAAS'),
     dict(surname='VAN DER BERG', given_names='JAN PIETER KLAAS', valid=True))
case('name field full: possibly truncated', '9303-3 §4.6.5', td3(name='ABCDEFGHIJKLMNOPQRST<<ABCDEFGHIJKLMNOPQ'),
     dict(surname='ABCDEFGHIJKLMNOPQRST', given_names='ABCDEFGHIJKLMNOPQ', warning_codes=['MRZ_NAME_TRUNCATED'], valid=True))
case('td1 name field full on line 3', '9303-5 §4.2.2', td1(name='ABCDEFGHIJKLMN<<OPQRSTUVWXYZAB'),
     dict(surname='ABCDEFGHIJKLMN', given_names='OPQRSTUVWXYZAB', warning_codes=['MRZ_NAME_TRUNCATED'], valid=True))
case('empty name field', '9303-3 §4.6', td3(name=''),
     dict(surname='', given_names='', error_codes=['MRZ_NAME_EMPTY'], valid=False))
case('digit in the name', 'issue 2 §2 character classes', td3(name='ER1KSSON<<ANNA'),
     dict(error_codes=['MRZ_BAD_FIELD_CHARACTER'], valid=False))
case('given names only after a leading separator', '9303-3 §4.6', td3(name='<<ANNA'),
     dict(surname='', given_names='ANNA', valid=True))

# --- Dates (9303-3 §4.8) -------------------------------------------------------------------
case('birth date today is not in the future', 'issue 2 §2 dates', td3(birth='261129'),
     dict(birth_date='2026-11-29', valid=True))
case('birth date tomorrow goes to the previous century', 'issue 2 §2 dates', td3(birth='261130'),
     dict(birth_date='1926-11-30', valid=True))
case('birth date 2000-02-29 (leap year)', 'issue 2 §2 dates', td3(birth='000229'),
     dict(birth_date='2000-02-29', valid=True))
case('expiry 50 years either way: the later century', 'issue 2 §2 dates', td3(expiry='761129'),
     dict(expiry_date='2076-11-29', valid=True))
case('expiry nearest century in the past', 'issue 2 §2 dates', td3(expiry='990101'),
     dict(expiry_date='1999-01-01', valid=True))
case('expiry nearest century in the future', 'issue 2 §2 dates', td3(expiry='360615'),
     dict(expiry_date='2036-06-15', valid=True))
case('reference date in another century', 'issue 2 §2 dates', td3(birth='990101', expiry='050101'), today='2003-06-01',
     expect=dict(birth_date='1999-01-01', expiry_date='2005-01-01', valid=True))
case('birth date with unknown day', '9303-3 §4.8 (unknown parts)', td3(birth='7408<<'),
     dict(birth_date=None, birth_date_raw='7408<<', warning_codes=['MRZ_BIRTH_DATE_PARTIAL'], valid=True))
case('birth date with unknown month and day', '9303-3 §4.8 (unknown parts)', td3(birth='74<<<<'),
     dict(birth_date=None, birth_date_raw='74<<<<', warning_codes=['MRZ_BIRTH_DATE_PARTIAL'], valid=True))
case('expiry date with fillers is an error', 'issue 2 §2: only birth dates', td3(expiry='1204<<'),
     dict(expiry_date=None, expiry_date_raw='1204<<', error_codes=['MRZ_BAD_DATE'], valid=False))
case('impossible birth date 741332', 'issue 2 §2', td3(birth='741332'),
     dict(birth_date=None, birth_date_raw='741332', error_codes=['MRZ_BAD_DATE'], valid=False))
case('month 00', 'issue 2 §2', td3(birth='740012'), dict(birth_date=None, error_codes=['MRZ_BAD_DATE'], valid=False))
case('31 April', 'issue 2 §2', td3(expiry='300431'), dict(expiry_date=None, error_codes=['MRZ_BAD_DATE'], valid=False))
case('29 February of a common year', 'issue 2 §2', td3(birth='010229'),
     dict(birth_date=None, error_codes=['MRZ_BAD_DATE'], valid=False))
case('letter in a date without correction', 'issue 2 §2', td3(birth='74O812'),
     dict(birth_date=None, error_codes=['MRZ_BAD_DATE'], valid=False))
case('partly filled date part', '9303-3 §4.8', td3(birth='7408<2'),
     dict(birth_date=None, error_codes=['MRZ_BAD_DATE'], valid=False))
case('no reference date: no ISO dates', 'architecture.md: time is an argument', td3(), today='',
     expect=dict(birth_date=None, expiry_date=None, birth_date_raw='740812', warning_codes=['MRZ_NO_REFERENCE_DATE'], valid=True))

# --- Sex --------------------------------------------------------------------------------
case("sex '<' is unspecified", '9303-4 §4.2.2', td3(sex='<'), dict(sex='X', valid=True))
case("sex 'X' is unspecified", '9303-3 (8th ed.)', td3(sex='X'), dict(sex='X', valid=True))
case("sex 'M'", '9303-4 §4.2.2', td3(sex='M'), dict(sex='M', valid=True))
case("sex 'Q' is an error", 'issue 2 §2', td3(sex='Q'), dict(sex='Q', error_codes=['MRZ_BAD_SEX'], valid=False))

# --- Country codes (9303-3 §5) -------------------------------------------------------------
case('unknown country code is a warning', 'issue 2 §2', td3(state='ZZZ', nat='ZZZ'),
     dict(issuing_state='ZZZ', warning_codes=['MRZ_UNKNOWN_COUNTRY', 'MRZ_UNKNOWN_COUNTRY'], valid=True))
case("germany 'D<<'", '9303-3 §5', td3(state='D<<', nat='D<<'), dict(issuing_state='D', nationality='D', valid=True))
case('stateless person XXA', '9303-3 §5', td3(nat='XXA'), dict(nationality='XXA', valid=True))
case('refugee XXB on a travel document', '9303-3 §5', td3(code='PT', nat='XXB'), dict(document_code='PT', nationality='XXB', valid=True))
case('united nations laissez-passer UNO', '9303-3 §5', td3(state='UNO', nat='UNA'), dict(issuing_state='UNO', valid=True))
case('digit in a country code', 'issue 2 §2 character classes', td3(nat='U1O'),
     dict(error_codes=['MRZ_BAD_FIELD_CHARACTER'], warning_codes=['MRZ_UNKNOWN_COUNTRY'], valid=False))

# --- Document codes -----------------------------------------------------------------------
case("unusual document code 'I' on a TD3", '9303-4 §4.2.2', td3(code='I<'),
     dict(document_code='I', warning_codes=['MRZ_UNUSUAL_DOCUMENT_CODE'], valid=True))
case('empty document code', '9303-4 §4.2.2', td3(code='<<'), dict(error_codes=['MRZ_BAD_DOCUMENT_CODE'], valid=False))
case("td2 residence card 'AC'", '9303-6', td3(code='AC', width=36, name='ERIKSSON<<ANNA<MARIA', number='D23145890', personal=''),
     dict(format='TD2', document_code='AC', checks=TD1_OK, valid=True))

# --- Input hygiene --------------------------------------------------------------------------
SP = ['P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<', 'L898902C36UTO7408122F1204159ZE184226B<<<<<10']
case('crlf line endings', 'issue 2 §2 hygiene', SP, dict(format='TD3', valid=True), text='\r\n'.join(SP) + '\r\n')
case('surrounding whitespace and blank lines', 'issue 2 §2 hygiene', SP, dict(format='TD3', valid=True),
     text='\n  \t' + SP[0] + '  \n\n' + SP[1] + '\t\n\n')
case('lower case is upper-cased with a warning', 'issue 2 §2 hygiene', SP,
     dict(format='TD3', surname='ERIKSSON', warning_codes=['MRZ_LOWERCASE'], valid=True), text=SP[0].lower() + '\n' + SP[1])
case('bad character names line and column', 'issue 2 §2 hygiene', SP,
     dict(format=None, error_codes=['MRZ_BAD_CHARACTER'], valid=False, error_messages=['line 2 column 5']),
     text=SP[0] + '\n' + SP[1][:4] + '#' + SP[1][5:])
case('non-ascii letter is a bad character', 'issue 2 §2 hygiene', SP,
     dict(format=None, error_codes=['MRZ_BAD_CHARACTER'], valid=False, error_messages=['line 1 column 6']),
     text=SP[0][:5] + 'É' + SP[0][6:] + '\n' + SP[1])
case('many bad characters are capped', 'issue 2 §2 hygiene', SP,
     dict(format=None, error_codes=['MRZ_BAD_CHARACTER'] * 6, valid=False), text='!' * 44 + '\n' + SP[1])
case('empty input', 'issue 2 §2', [], dict(format=None, error_codes=['MRZ_EMPTY'], valid=False), text='  \n\n')
case('one line', 'issue 2 §2', [SP[0]], dict(format=None, error_codes=['MRZ_LINE_COUNT'], valid=False))
case('four lines', 'issue 2 §2', SP + SP, dict(format=None, error_codes=['MRZ_LINE_COUNT'], valid=False))
case('td3 line 2 one character short', 'issue 2 §2', [SP[0], SP[1][:43]],
     dict(format=None, error_codes=['MRZ_LINE_LENGTH'], valid=False, error_messages=['line 2 has 43 characters']))
case('td1 line 3 one character short', 'issue 2 §2', td1()[:2] + [td1()[2][:29]],
     dict(format=None, error_codes=['MRZ_LINE_LENGTH'], valid=False))
case('two lines of 30', 'issue 2 §2', td1()[:2], dict(format=None, error_codes=['MRZ_LINE_LENGTH'], valid=False))
case('td2 line and td3 line mixed', 'issue 2 §2', ['I<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<', SP[1]],
     dict(format=None, error_codes=['MRZ_LINE_LENGTH'], valid=False))

# --- Each check digit failing on its own -----------------------------------------------------
case('document number check fails', '9303-3 §4.9', td3(fix={10: '7'}),
     dict(checks=dict(ALL_OK, document_number=False, composite=False), valid=False))
case('birth date check fails', '9303-3 §4.9', td3(fix={20: '3'}),
     dict(checks=dict(ALL_OK, birth_date=False, composite=False), valid=False))
case('expiry date check fails', '9303-3 §4.9', td3(fix={28: '0'}),
     dict(checks=dict(ALL_OK, expiry_date=False, composite=False), valid=False))
case('personal number check fails', '9303-3 §4.9', td3(fix={43: '2'}),
     dict(checks=dict(ALL_OK, optional_data=False, composite=False), valid=False))
case('only the composite fails', '9303-3 §4.9', td3(fix={44: '1'}),
     dict(checks=dict(ALL_OK, composite=False), valid=False))
case('td1 composite fails after optional data changed', '9303-5 §4.2.2', td1(fix2={19: 'X'}),
     dict(optional_data_2='X', checks=dict(TD1_OK, composite=False), valid=False))
case('td2 expiry check fails', '9303-6', td3(code='I<', width=36, number='D23145890', personal='', fix={28: '1'}),
     dict(format='TD2', checks=dict(TD1_OK, expiry_date=False, composite=False), valid=False))
case('mrv-a document number check fails', '9303-7', td3(code='V<', visa=True, fix={10: '0'}),
     dict(format='MRVA', checks=dict(MRV_OK, document_number=False), valid=False))
case('mrv-b birth date check fails', '9303-7', td3(code='V<', visa=True, width=36, personal='', fix={20: '0'}),
     dict(format='MRVB', checks=dict(MRV_OK, birth_date=False), valid=False))

# --- Correction of OCR confusions (--correct) ------------------------------------------------
ocr = td3(fix={6: 'O'})  # L8989O2C3: the 0 of the specimen number read as O
case('ocr O for 0 in the document number, without --correct', 'issue 2 §2 correction', ocr,
     dict(document_number='L8989O2C3', checks=dict(ALL_OK, document_number=False, composite=False), valid=False, corrections=[]))
case('ocr O for 0 in the document number, corrected', 'issue 2 §2 correction', ocr, correct=True,
     expect=dict(document_number='L898902C3', checks=ALL_OK, valid=True,
                 corrections=[{'field': 'document_number', 'position': 6, 'from': 'O', 'to': '0'}]))
case('letter in a date is normalised by class', 'issue 2 §2 correction', td3(fix={16: 'O'}), correct=True,
     expect=dict(birth_date='1974-08-12', valid=True, corrections=[{'field': 'birth_date', 'position': 3, 'from': 'O', 'to': '0'}]))
case('digit in a name is normalised by class', 'issue 2 §2 correction', td3(name='ER1KSSON<<ANNA<MAR1A'), correct=True,
     expect=dict(surname='ERIKSSON', given_names='ANNA MARIA', valid=True,
                 corrections=[{'field': 'name', 'position': 3, 'from': '1', 'to': 'I'},
                              {'field': 'name', 'position': 19, 'from': '1', 'to': 'I'}]))
case('digit in a country code is normalised by class', 'issue 2 §2 correction', td3(nat='UT0'), correct=True,
     expect=dict(nationality='UTO', valid=True, corrections=[{'field': 'nationality', 'position': 3, 'from': '0', 'to': 'O'}]))
case('letter in a check digit is normalised by class', 'issue 2 §2 correction', td3(fix={20: 'Z'}), correct=True,
     expect=dict(valid=True, corrections=[{'field': 'birth_date_check', 'position': 1, 'from': 'Z', 'to': '2'}]))
case('S for 5 in the personal number', 'issue 2 §2 correction', td3(personal='AB5123', fix={31: 'S'}), correct=True,
     expect=dict(optional_data='AB5123', valid=True,
                 corrections=[{'field': 'optional_data', 'position': 3, 'from': 'S', 'to': '5'}]))
case('O for 0 in the continuation of a td1 long number', 'issue 2 §2 correction; 9303-5 note j',
     td1(number='AB12345678901', fix1={18: 'O'}), correct=True,
     expect=dict(document_number='AB12345678901', valid=True,
                 corrections=[{'field': 'document_number', 'position': 12, 'from': 'O', 'to': '0'}]))
case('two fields corrected, composite agrees', 'issue 2 §2 correction', td3(fix={6: 'O', 16: 'O'}), correct=True,
     expect=dict(document_number='L898902C3', birth_date='1974-08-12', valid=True,
                 corrections=[{'field': 'birth_date', 'position': 3, 'from': 'O', 'to': '0'},
                              {'field': 'document_number', 'position': 6, 'from': 'O', 'to': '0'}]))
case('valid document: --correct changes nothing', 'issue 2 §2 correction', td3(), correct=True,
     expect=dict(valid=True, corrections=[]))
case('digit misread as another digit: nothing to try', 'issue 2 §2 correction', td3(number='X347', fix={2: '9'}), correct=True,
     expect=dict(valid=False, corrections=[], warning_codes=['MRZ_CORRECTION_NOT_FOUND']))
case('mrv-a without composite: unique field correction', 'issue 2 §2 correction',
     td3(code='V<', visa=True, number='L8988901C', fix={7: 'O'}), correct=True,
     expect=dict(format='MRVA', document_number='L8988901C', valid=True,
                 corrections=[{'field': 'document_number', 'position': 7, 'from': 'O', 'to': '0'}]))
# X8512650 read as XB512650: 8 for B at position 2 and S for 5 at position 7 both pass the
# document-number check, and in TD3 the composite weighs these positions alike, so both pass
# it too: the correction must refuse.
case('ambiguous: two corrections pass field and composite, refused', 'issue 2 §2 correction',
     td3(number='X8512650', fix={2: 'B'}), correct=True,
     expect=dict(document_number='XB512650', valid=False, corrections=[], warning_codes=['MRZ_CORRECTION_AMBIGUOUS'],
                 checks=dict(ALL_OK, document_number=False, composite=False)))
case('ambiguous on a visa (no composite), refused', 'issue 2 §2 correction',
     td3(code='V<', visa=True, number='L8988901C', fix={4: 'B'}), correct=True,
     expect=dict(format='MRVA', document_number='L89B8901C', valid=False, corrections=[],
                 warning_codes=['MRZ_CORRECTION_AMBIGUOUS']))
case('ambiguous without correction is just invalid', 'issue 2 §2 correction', td3(number='X8512650', fix={2: 'B'}),
     dict(document_number='XB512650', valid=False, corrections=[]))

here = os.path.dirname(os.path.abspath(__file__))
with open(os.path.join(here, 'cases.json'), 'w') as f:
    json.dump(cases, f, indent=1, ensure_ascii=False)
    f.write('\n')
print(len(cases), 'cases')
