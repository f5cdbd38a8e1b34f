//! Passphrase-protected exports: round trip, wrong passphrase, tampering, and limits.

use crate::common::{at, sample};
use runway::file::crypt::{decrypt, encrypt, is_encrypted, CryptError, DEFAULT_ITERATIONS};
use runway::file::{decode, encode_pretty, DecodeError};

const SALT: [u8; 16] = [7; 16];
const IV: [u8; 12] = [9; 12];
// Low for test speed; the file records the count, and the app uses DEFAULT_ITERATIONS.
const FAST: u32 = 1_000;

fn plain() -> String {
    encode_pretty(&sample(), at(2026, 11, 21))
}

#[test]
fn encrypted_export_round_trips_to_the_same_workspace() {
    let text = encrypt(&plain(), "correct horse battery", SALT, IV, FAST).unwrap();
    assert!(is_encrypted(&text));
    assert!(
        !text.contains("Northwind"),
        "nothing readable leaks into the file"
    );
    let back = decrypt(&text, "correct horse battery").unwrap();
    assert_eq!(back, plain());
    assert_eq!(decode(back.as_bytes()).unwrap().workspace, sample());
}

#[test]
fn the_file_describes_how_it_was_made() {
    let text = encrypt(
        &plain(),
        "correct horse battery",
        SALT,
        IV,
        DEFAULT_ITERATIONS.min(2_000),
    )
    .unwrap();
    let v: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(v["format"], "runway-encrypted");
    assert_eq!(v["kdf"]["name"], "PBKDF2");
    assert_eq!(v["kdf"]["hash"], "SHA-256");
    assert_eq!(v["kdf"]["iterations"], 2_000);
    assert_eq!(v["cipher"]["name"], "AES-GCM");
    assert_eq!(v["cipher"]["key_bits"], 256);
    assert!(v["about"].as_str().unwrap().contains("PBKDF2-HMAC-SHA-256"));
    assert_eq!(DEFAULT_ITERATIONS, 600_000);
}

#[test]
fn a_wrong_passphrase_is_told_plainly() {
    let text = encrypt(&plain(), "correct horse battery", SALT, IV, FAST).unwrap();
    let err = decrypt(&text, "correct horse batterY").unwrap_err();
    assert_eq!(err, CryptError::WrongPassphrase);
    assert!(err.to_string().contains("does not open this file"));
}

#[test]
fn a_changed_file_does_not_open() {
    let text = encrypt(&plain(), "correct horse battery", SALT, IV, FAST).unwrap();
    let mut v: serde_json::Value = serde_json::from_str(&text).unwrap();
    let ct = v["ciphertext"].as_str().unwrap().to_string();
    // Change the first character of the ciphertext (still valid base64).
    let first = if ct.starts_with('A') { "B" } else { "A" };
    let flipped = format!("{first}{}", &ct[1..]);
    v["ciphertext"] = flipped.into();
    assert_eq!(
        decrypt(&v.to_string(), "correct horse battery"),
        Err(CryptError::WrongPassphrase)
    );
}

#[test]
fn short_passphrases_and_odd_files_are_refused() {
    assert_eq!(
        encrypt(&plain(), "short", SALT, IV, FAST),
        Err(CryptError::PassphraseTooShort)
    );
    let text = encrypt(&plain(), "correct horse battery", SALT, IV, FAST).unwrap();
    let mut v: serde_json::Value = serde_json::from_str(&text).unwrap();
    v["kdf"]["iterations"] = 2_000_000_000u32.into();
    assert!(matches!(
        decrypt(&v.to_string(), "correct horse battery"),
        Err(CryptError::Unsupported(_))
    ));
    assert!(matches!(
        decrypt("{}", "x"),
        Err(CryptError::Unsupported(_))
    ));
    assert!(!is_encrypted(&plain()));
}

#[test]
fn importing_an_encrypted_file_without_the_passphrase_says_so() {
    let text = encrypt(&plain(), "correct horse battery", SALT, IV, FAST).unwrap();
    let err = decode(text.as_bytes()).unwrap_err();
    assert_eq!(err, DecodeError::Encrypted);
    assert!(err.to_string().contains("passphrase"));
}

mod any_input {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(200))]

        /// Whatever text arrives as an "encrypted file", opening it never panics.
        #[test]
        fn decrypting_arbitrary_text_never_panics(text in ".{0,300}", pass in ".{0,20}") {
            let _ = decrypt(&text, &pass);
            let _ = is_encrypted(&text);
        }

        /// A real file with one character changed never opens to something else.
        #[test]
        fn a_mutated_file_is_refused_or_opens_to_the_original(pos in 0usize..2000, ch in proptest::char::range('!', '~')) {
            let sealed = encrypt(&plain(), "correct horse battery", SALT, IV, FAST).unwrap();
            let mut chars: Vec<char> = sealed.chars().collect();
            let pos = pos % chars.len();
            chars[pos] = ch;
            let mutated: String = chars.into_iter().collect();
            if let Ok(opened) = decrypt(&mutated, "correct horse battery") {
                prop_assert_eq!(opened, plain());
            }
        }
    }
}
