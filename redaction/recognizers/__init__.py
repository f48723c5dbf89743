"""Dutch Presidio recognizers, one per module; `redaction.registry` builds them from YAML.

Importing this package is cheap: the word lists are read when a recognizer is constructed.
"""

from redaction.recognizers.nl_address_recognizer import NlAddressRecognizer
from redaction.recognizers.nl_bsn_recognizer import NlBsnRecognizer, elf_proef
from redaction.recognizers.nl_case_code_recognizer import NlCaseCodeRecognizer
from redaction.recognizers.nl_corrected_value_recognizer import NlCorrectedValueRecognizer
from redaction.recognizers.nl_date_recognizer import NlDateRecognizer
from redaction.recognizers.nl_email_recognizer import NlEmailRecognizer
from redaction.recognizers.nl_evidenced_street_recognizer import NlEvidencedStreetRecognizer
from redaction.recognizers.nl_iban_recognizer import (
    NlIbanRecognizer,
    iban_checksum_ok,
    is_valid_iban,
)
from redaction.recognizers.nl_id_number_recognizer import NlIdNumberRecognizer
from redaction.recognizers.nl_ip_recognizer import NlIpRecognizer
from redaction.recognizers.nl_license_plate_recognizer import NlLicensePlateRecognizer
from redaction.recognizers.nl_long_number_recognizer import NlLongNumberRecognizer
from redaction.recognizers.nl_ner_person_recognizer import NlNerPersonRecognizer
from redaction.recognizers.nl_person_recognizer import NlPersonRecognizer
from redaction.recognizers.nl_phone_recognizer import NlPhoneRecognizer
from redaction.recognizers.nl_postcode_recognizer import NlPostcodeRecognizer
from redaction.recognizers.nl_script_name_recognizer import NlScriptNameRecognizer
from redaction.recognizers.nl_social_handle_recognizer import NlSocialHandleRecognizer
from redaction.recognizers.nl_split_value_recognizer import NlSplitValueRecognizer
from redaction.recognizers.nl_url_recognizer import NlUrlRecognizer

__all__ = [
    "NlAddressRecognizer",
    "NlBsnRecognizer",
    "NlCaseCodeRecognizer",
    "NlCorrectedValueRecognizer",
    "NlDateRecognizer",
    "NlEmailRecognizer",
    "NlEvidencedStreetRecognizer",
    "NlIbanRecognizer",
    "NlIdNumberRecognizer",
    "NlIpRecognizer",
    "NlLicensePlateRecognizer",
    "NlLongNumberRecognizer",
    "NlNerPersonRecognizer",
    "NlPersonRecognizer",
    "NlPhoneRecognizer",
    "NlPostcodeRecognizer",
    "NlScriptNameRecognizer",
    "NlSocialHandleRecognizer",
    "NlSplitValueRecognizer",
    "NlUrlRecognizer",
    "elf_proef",
    "iban_checksum_ok",
    "is_valid_iban",
]
