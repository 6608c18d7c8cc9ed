#!/usr/bin/python3
"""greenID V3 flows through python3-zeep (Debian package, zeep 4.2.1), the way the Flask KYC client calls.

Usage: /usr/bin/python3 zeep_flows.py <wsdl url> <flow> [<flow> ...]
Prints one JSON object {flow: observations} on stdout; the node tests (test/adapters/soap/*.test.ts) assert on it.
zeep is strict: a response element out of WSDL order or not declared in the WSDL fails the flow.
"""
import json
import sys

import zeep
import zeep.exceptions
import zeep.helpers

ACCOUNT, PASSWORD = 'demo', 'demo'
ADDRESS = {'country': 'AU', 'postcode': '2000', 'state': 'NSW', 'streetName': 'George', 'streetNumber': '1',
           'streetType': 'ST', 'suburb': 'Sydney'}


def plain(value):
    return json.loads(json.dumps(zeep.helpers.serialize_object(value, dict), default=str))


def fault_of(call):
    """Runs call(); returns the fault as {code, faultstring, detailCode, details} (or {'noFault': result})."""
    try:
        result = call()
    except zeep.exceptions.Fault as fault:
        code = fault.detail.find('.//code') if fault.detail is not None else None
        details = fault.detail.find('.//details') if fault.detail is not None else None
        return {'faultcode': fault.code, 'faultstring': fault.message,
                'code': code.text if code is not None else None,
                'details': details.text if details is not None else None}
    return {'noFault': plain(result)}


def status_summary(status):
    status = plain(status)
    result = status.get('verificationResult') or {}
    sources = (status.get('sourceList') or {}).get('source') or []
    return {
        'overall': result.get('overallVerificationStatus'),
        'verificationId': result.get('verificationId'),
        'checkState': (status.get('checkResult') or {}).get('state'),
        'token': status.get('verificationToken'),
        'sources': {s['name']: {'state': s['state'], 'passed': s['passed'], 'available': s['available']} for s in sources},
        'individual': [{'name': r.get('name'), 'state': r.get('state'), 'method': r.get('method'),
                        'fields': [(f.get('name'), f.get('status')) for f in (r.get('fieldResult') or [])]}
                       for r in (result.get('individualResult') or [])],
        'registeredName': ((status.get('registrationDetails') or {}).get('name') or {}).get('givenName'),
    }


def register(service, middle, **extra):
    return service.registerVerification(
        accountId=ACCOUNT, password=PASSWORD, ruleId='default',
        name={'givenName': 'John', 'middleNames': middle, 'surname': 'Citizen'},
        currentResidentialAddress=ADDRESS, dob={'day': 1, 'month': 1, 'year': 1980},
        generateVerificationToken=extra.pop('token', False), **extra)


def passport(service, verification_id, number, tandc='on'):
    inputs = [{'name': 'greenid_passportdvs_number', 'value': number},
              {'name': 'greenid_passportdvs_givenname', 'value': 'John'},
              {'name': 'greenid_passportdvs_surname', 'value': 'Citizen'},
              {'name': 'greenid_passportdvs_dob', 'value': '01/01/1980'},
              {'name': 'greenid_passportdvs_tandc', 'value': tandc}]
    return service.setFields(accountId=ACCOUNT, password=PASSWORD, verificationId=verification_id,
                             sourceId='passportdvs', inputFields={'input': inputs})


# ---- flows against the fake port (wire only)

def flow_fake(service):
    out = {}
    registered = register(service, 'TWOFFFF', token=True)
    out['register'] = status_summary(registered)
    vid = registered.verificationResult.verificationId
    out['getSources'] = status_summary(service.getSources(ACCOUNT, PASSWORD, vid, None, None))
    fields = plain(service.getFields(accountId=ACCOUNT, password=PASSWORD, verificationId=vid, sourceId='passportdvs'))
    out['getFields'] = [f['name'] for f in fields['sourceFields']['fieldList']['sourceField']]
    out['rawData'] = fields['sourceFields']['rawData']
    out['setFields'] = status_summary(passport(service, vid, 'A1111111'))
    out['getVerificationResult'] = status_summary(service.getVerificationResult(ACCOUNT, PASSWORD, vid, None, None))
    out['getVerificationToken'] = service.getVerificationToken(ACCOUNT, PASSWORD, vid, None)
    out['expireToken'] = plain(service.expireToken(ACCOUNT, PASSWORD, out['getVerificationToken']))
    out['faults'] = faults(service, vid)
    return out


def faults(service, vid):
    return {
        'wrongPassword': fault_of(lambda: service.getSources(ACCOUNT, 'wrong', vid, None, None)),
        'wrongAccount': fault_of(lambda: service.getVerificationResult('nobody', PASSWORD, vid, None, None)),
        'unknownVerification': fault_of(lambda: service.getSources(ACCOUNT, PASSWORD, 'NoSuchId', None, None)),
        'unknownSource': fault_of(lambda: service.getFields(accountId=ACCOUNT, password=PASSWORD, verificationId=vid,
                                                            sourceId='nosuchsource')),
        'invalidField': fault_of(lambda: passport(service, vid, 'A1111111', tandc='')),
        'unknownToken': fault_of(lambda: service.expireToken(ACCOUNT, PASSWORD, 'f' * 40)),
    }


# ---- flows against a real pono (stub account demo/demo, seed 002 stub codes)

ALL_PASS = 'TWO' + 'P' * 28
ALL_FAIL = 'TWO' + 'F' * 28
# Watchlists clear, only the Victorian electoral roll (position 13: name+DOB and name+address) passes: the default
# rule (two name+DOB, one name+address) then needs exactly one more name+DOB source, e.g. the passport.
ONE_SHORT = 'TWO' + 'PPP' + 'F' * 9 + 'P' + 'F' * 15


def interactive(service, number):
    """Register one name+DOB source short of the rule, then run the passport through getFields/setFields."""
    registered = register(service, ONE_SHORT)
    vid = registered.verificationResult.verificationId
    sources = status_summary(service.getSources(ACCOUNT, PASSWORD, vid, None, None))
    fields = service.getFields(accountId=ACCOUNT, password=PASSWORD, verificationId=vid, sourceId='passportdvs')
    field_list = fields.sourceFields.fieldList.sourceField
    inputs = []
    for field in field_list:
        value = field.value or ''
        if field.name.endswith('_number'):
            value = number
        elif field.name.endswith('_tandc'):
            value = 'on'
        inputs.append({'name': field.name, 'value': value})
    result = service.setFields(accountId=ACCOUNT, password=PASSWORD, verificationId=vid, sourceId='passportdvs',
                               inputFields={'input': inputs})
    after = status_summary(result)
    final = status_summary(service.getVerificationResult(ACCOUNT, PASSWORD, vid, None, None))
    return {'registered': status_summary(registered)['overall'], 'sourcesBefore': sources['sources'],
            'fieldNames': [field.name for field in field_list], 'rawDataStart': (fields.sourceFields.rawData or '')[:60],
            'checkState': after['checkState'], 'overall': after['overall'],
            'passport': after['sources'].get('passportdvs'), 'final': final['overall'],
            'passportResult': next((r for r in final['individual'] if r['name'] == 'passportdvs'), None)}


def flow_background_verified(service):
    registered = status_summary(register(service, ALL_PASS))
    return {'overall': registered['overall'], 'individual': registered['individual'], 'sources': registered['sources']}


def flow_tokens(service):
    registered = register(service, ALL_FAIL, token=True)
    vid = registered.verificationResult.verificationId
    first = registered.verificationToken
    by_token = status_summary(service.getVerificationResult(ACCOUNT, PASSWORD, None, first, None))
    second = service.getVerificationToken(ACCOUNT, PASSWORD, vid, None)
    service.expireToken(ACCOUNT, PASSWORD, second)
    return {'first': first, 'second': second, 'byTokenId': by_token['verificationId'], 'vid': vid,
            'expired': fault_of(lambda: service.getVerificationResult(ACCOUNT, PASSWORD, None, second, None)),
            'firstStillWorks': status_summary(service.getVerificationResult(ACCOUNT, PASSWORD, None, first, None))['verificationId'],
            'expireUnknown': fault_of(lambda: service.expireToken(ACCOUNT, PASSWORD, 'f' * 40))}


def flow_faults(service):
    vid = register(service, ALL_FAIL).verificationResult.verificationId
    out = faults(service, vid)
    out['registerInvalid'] = fault_of(lambda: service.registerVerification(
        accountId=ACCOUNT, password=PASSWORD, ruleId='default', name={'givenName': '', 'surname': 'X'},
        dob={'day': 31, 'month': 2, 'year': 1980}, generateVerificationToken=False))
    return out


FLOWS = {
    'fake': flow_fake,
    'background_verified': flow_background_verified,
    'passport_verified': lambda service: interactive(service, 'A1111111'),
    'passport_with_changes': lambda service: interactive(service, 'A2222222'),
    'passport_pending': lambda service: interactive(service, 'A3333333'),
    'passport_error': lambda service: interactive(service, 'A4444444'),
    'passport_not_contributing': lambda service: interactive(service, 'A6666666'),
    'tokens': flow_tokens,
    'faults': flow_faults,
}


def main():
    wsdl, names = sys.argv[1], sys.argv[2:]
    client = zeep.Client(wsdl)
    report = {}
    for name in names:
        try:
            report[name] = FLOWS[name](client.service)
        except Exception as error:  # reported to the node test, which fails with the message
            report[name] = {'error': f'{type(error).__name__}: {error}'}
    print(json.dumps(report))


if __name__ == '__main__':
    main()
