#!/usr/bin/env python3
"""Writes the scenario files of this folder (kioskctl check --scenario). Synthetic travellers
only: the names are common surnames of the region, the document numbers are made up, and the
MRZ lines are built here with ICAO 9303-3 §4.9 check digits (weights 7, 3, 1).

Each file carries "name" (why it exists, with the paragraph it exercises) and "expected"
(the fields of kioskctl's output the test compares, plus "exit": the exit status).
Run from anywhere: python3 tests/data/scenarios/make_scenarios.py"""
import json
import os

HERE = os.path.dirname(os.path.abspath(__file__))


def check_digit(text):
    weights = (7, 3, 1)
    total = 0
    for i, c in enumerate(text):
        if c.isdigit():
            v = int(c)
        elif c.isalpha():
            v = ord(c) - ord('A') + 10
        else:
            v = 0
        total += v * weights[i % 3]
    return str(total % 10)


def td3(state, surname, given, number, nationality, birth, sex, expiry, personal=""):
    """ICAO 9303-4 TD3 (passport) MRZ, two lines of 44."""
    name = (surname.replace(' ', '<') + '<<' + given.replace(' ', '<'))
    line1 = ('P<' + state + name).ljust(44, '<')[:44]
    num = number.ljust(9, '<')
    pers = personal.ljust(14, '<')
    pers_cd = check_digit(pers) if personal else '<'
    part_num = num + check_digit(num)
    part_birth = birth + check_digit(birth)
    part_exp = expiry + check_digit(expiry)
    composite = check_digit(part_num + part_birth + part_exp + pers + pers_cd)
    line2 = part_num + nationality + part_birth + sex + part_exp + pers + pers_cd + composite
    assert len(line1) == 44 and len(line2) == 44, (line1, line2)
    return [line1, line2]


RUS = td3('RUS', 'KHALILOV', 'RASHAD', 'C01X00T47', 'RUS', '850615', 'M', '310101')
USA = td3('USA', 'MILLER', 'JOHN PAUL', 'A12345678', 'USA', '790302', 'M', '300515')
AZE = td3('AZE', 'MAMMADOVA', 'LEYLA', 'C07654321', 'AZE', '900120', 'F', '320101')
RUS_BAD_DIGIT = [RUS[0], RUS[1][:9] + str((int(RUS[1][9]) + 1) % 10) + RUS[1][10:]]

SCENARIOS = {
    'visa_free_entry_rus.json': {
        'name': '§21: a Russian national enters visa-free on 1 March and may stay to 29 May',
        'date': '2026-03-01', 'direction': 'entry', 'mrz': RUS,
        'expected': {'exit': 0, 'verdict': 'ADMIT', 'reasons': ['VISA_FREE'], 'allowed_until': '2026-05-29',
                     'days_allowed': 90, 'days_used': 1, 'days_remaining': 89, 'overstay_days': None},
    },
    'issue_example_permit_holder.json': {
        'name': '§44: the issue\'s example: a valid temporary residence permit replaces the visa',
        'date': '2026-03-01', 'direction': 'entry', 'mrz': RUS,
        'visa': {'valid_from': '2026-02-01', 'valid_until': '2026-04-30', 'days': 30, 'entries': 1},
        'history': [{'direction': 'entry', 'date': '2025-12-01'}, {'direction': 'exit', 'date': '2025-12-20'}],
        'permits': [{'kind': 'temporary_residence', 'valid_from': '2025-06-01', 'valid_until': '2026-05-31'}],
        'watchlist': [
            {'kind': 'entry_ban', 'surname': 'PETROV', 'given_names': 'IGOR', 'birth_date': '1980-01-01', 'nationality': 'RUS'},
            {'kind': 'stolen_document', 'issuing_state': 'RUS', 'document_number': '750000001'},
        ],
        'policy': None,
        'expected': {'exit': 0, 'verdict': 'ADMIT', 'reasons': ['RESIDENCE_PERMIT_VALID'], 'allowed_until': '2026-05-31',
                     'overstay_days': None},
    },
    'visa_missing_usa.json': {
        'name': '§19 §127: a visa national with no visa is refused',
        'date': '2026-03-01', 'direction': 'entry', 'mrz': USA, 'visa': None, 'history': None,
        'expected': {'exit': 0, 'verdict': 'REFUSE', 'reasons': ['VISA_MISSING'], 'allowed_until': None,
                     'days_allowed': None, 'overstay_days': None},
    },
    'visa_valid_usa.json': {
        'name': '§127 issue §4: a 30-day visa entered on 1 March lasts to 30 March',
        'date': '2026-03-01', 'direction': 'entry', 'mrz': USA,
        'visa': {'valid_from': '2026-02-01', 'valid_until': '2026-04-30', 'days': 30, 'entries': 1},
        'expected': {'exit': 0, 'verdict': 'ADMIT', 'reasons': ['VISA_VALID'], 'allowed_until': '2026-03-30',
                     'days_allowed': 30},
    },
    'overstay_day_91.json': {
        'name': '§147: leaving on day 91 of a visa-free stay is an overstay of one day',
        'date': '2026-05-30', 'direction': 'exit', 'mrz': RUS,
        'history': [{'direction': 'entry', 'date': '2026-03-01'}],
        'expected': {'exit': 0, 'verdict': 'REFER', 'reasons': ['VISA_FREE', 'OVERSTAY'], 'allowed_until': '2026-05-29',
                     'days_used': 91, 'days_remaining': 0, 'overstay_days': 1},
    },
    'exit_without_entry.json': {
        'name': 'domain-rules §6: an exit with no entry on record is referred, never an overstay',
        'date': '2026-05-30', 'direction': 'exit', 'mrz': RUS,
        'expected': {'exit': 0, 'verdict': 'REFER', 'reasons': ['ENTRY_NOT_RECORDED'], 'overstay_days': None},
    },
    'entry_ban_transliterated.json': {
        'name': '§51: an entry ban recorded in Cyrillic matches the ICAO transliteration in the MRZ',
        'date': '2026-03-01', 'direction': 'entry', 'mrz': RUS,
        'watchlist': [{'kind': 'entry_ban', 'id': 'CIS-0001', 'surname': 'Халилов', 'given_names': 'Рашад',
                       'birth_date': '1985-06-15', 'nationality': 'RUS'}],
        'expected': {'exit': 0, 'verdict': 'REFUSE', 'reasons': ['ENTRY_BAN', 'VISA_FREE'], 'allowed_until': None,
                     'days_allowed': None, 'days_used': None, 'days_remaining': None},
    },
    'stolen_document.json': {
        'name': '§169-170: a document reported stolen is referred',
        'date': '2026-03-01', 'direction': 'entry', 'mrz': RUS,
        'watchlist': [{'kind': 'stolen_document', 'issuing_state': 'RUS', 'document_number': 'C01X00T47'}],
        'expected': {'exit': 0, 'verdict': 'REFER', 'reasons': ['DOCUMENT_REPORTED_STOLEN', 'VISA_FREE']},
    },
    'mrz_check_digit_fails.json': {
        'name': 'domain-rules §6: a failing document-number check digit is referred',
        'date': '2026-03-01', 'direction': 'entry', 'mrz': RUS_BAD_DIGIT,
        'expected': {'exit': 0, 'verdict': 'REFER', 'reasons': ['MRZ_CHECK_FAILED', 'VISA_FREE']},
    },
    'permit_grace_last_day.json': {
        'name': '§63: leaving on the last day of the 10-day grace period after the permit expired',
        'date': '2026-06-10', 'direction': 'exit', 'mrz': USA,
        'history': [{'direction': 'entry', 'date': '2025-07-01'}],
        'permits': [{'kind': 'temporary_residence', 'valid_from': '2025-06-01', 'valid_until': '2026-05-31'}],
        'expected': {'exit': 0, 'verdict': 'ADMIT', 'reasons': ['PERMIT_GRACE_PERIOD'], 'allowed_until': '2026-06-10',
                     'overstay_days': 0},
    },
    'citizen_exit_restriction.json': {
        'name': '§236: a citizen on the exit-restriction register is referred on exit',
        'date': '2026-03-01', 'direction': 'exit', 'mrz': AZE,
        'watchlist': [{'kind': 'exit_restriction', 'surname': 'MAMMADOVA', 'given_names': 'LEYLA',
                       'birth_date': '1990-01-20', 'nationality': 'AZE'}],
        'expected': {'exit': 0, 'verdict': 'REFER', 'reasons': ['CITIZEN', 'EXIT_RESTRICTION'], 'allowed_until': None},
    },
    'bad_history_date.json': {
        'name': 'a bad scenario is a usage error naming the field',
        'date': '2026-03-01', 'direction': 'entry', 'mrz': RUS,
        'history': [{'direction': 'entry', 'date': '2025-12-01'}, {'direction': 'exit', 'date': '20 Dec 2025'}],
        'expected': {'exit': 2, 'stderr': 'scenario.history[1].date'},
    },
    'bad_direction.json': {
        'name': 'a bad direction is a usage error naming the field',
        'date': '2026-03-01', 'direction': 'arrival', 'mrz': RUS,
        'expected': {'exit': 2, 'stderr': 'scenario.direction'},
    },
    'tampered_policy.json': {
        'name': 'issue §1: a policy whose bytes differ from what was signed is refused (exit 1)',
        'date': '2026-03-01', 'direction': 'entry', 'mrz': RUS, 'policy': 'policies/tampered-policy.json',
        'expected': {'exit': 1, 'stderr': 'POLICY_SIGNATURE_INVALID'},
    },
}


def main():
    for name, scenario in SCENARIOS.items():
        with open(os.path.join(HERE, name), 'w', encoding='utf-8') as f:
            json.dump(scenario, f, indent=2, ensure_ascii=False)
            f.write('\n')
    # The shipped policy with one byte changed (RUS 90 -> 91 days), and the shipped signature.
    root = os.path.dirname(os.path.dirname(os.path.dirname(HERE)))
    os.makedirs(os.path.join(HERE, 'policies'), exist_ok=True)
    with open(os.path.join(root, 'resources/policy/policy.json'), 'rb') as f:
        policy = f.read()
    with open(os.path.join(root, 'resources/policy/policy.json.sig'), 'rb') as f:
        sig = f.read()
    at = policy.index(b'"RUS"')
    at = policy.index(b'"days": 90', at) + len(b'"days": 9')
    tampered = policy[:at] + b'1' + policy[at + 1:]
    with open(os.path.join(HERE, 'policies/tampered-policy.json'), 'wb') as f:
        f.write(tampered)
    with open(os.path.join(HERE, 'policies/tampered-policy.json.sig'), 'wb') as f:
        f.write(sig)


if __name__ == '__main__':
    main()
