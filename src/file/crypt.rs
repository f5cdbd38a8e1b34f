//! Passphrase-protected workspace files. The envelope says how it was made, so it can be
//! opened in years with any AES-GCM and PBKDF2 implementation:
//!
//! ```json
//! { "format": "runway-encrypted", "version": 1,
//!   "about": "…how to decrypt, in words…",
//!   "kdf": { "name": "PBKDF2", "hash": "SHA-256", "iterations": 600000, "salt": "<base64>" },
//!   "cipher": { "name": "AES-GCM", "key_bits": 256, "iv": "<base64>", "tag_bits": 128 },
//!   "ciphertext": "<base64: encrypted runway-workspace JSON, tag appended>" }
//! ```
//!
//! Salt and nonce come from the caller (the browser's `crypto.getRandomValues`), so this module
//! stays pure and testable.

use aes_gcm::aead::{Aead, KeyInit};
use aes_gcm::{Aes256Gcm, Nonce};
use base64::engine::general_purpose::STANDARD as B64;
use base64::Engine as _;
use serde::{Deserialize, Serialize};

/// The `format` field of an encrypted Runway file.
pub const ENCRYPTED_FORMAT: &str = "runway-encrypted";
/// PBKDF2 iterations for new files (OWASP's figure for PBKDF2-HMAC-SHA-256).
pub const DEFAULT_ITERATIONS: u32 = 600_000;
/// Iterations accepted when opening a file: enough range for old and future files, bounded so
/// a hostile file cannot hang the app.
const ITERATIONS_ACCEPTED: std::ops::RangeInclusive<u32> = 1_000..=2_000_000;
/// Shortest passphrase accepted for new files.
pub const MIN_PASSPHRASE_CHARS: usize = 8;

const ABOUT: &str = "A Runway workspace encrypted with a passphrase. To open it without Runway: \
derive a 256-bit key from the passphrase (UTF-8) with PBKDF2-HMAC-SHA-256 using kdf.salt and \
kdf.iterations; decrypt ciphertext with AES-256-GCM using cipher.iv (the 16-byte tag is at the \
end of the ciphertext, no associated data). The result is a runway-workspace JSON file.";

#[derive(Serialize, Deserialize)]
struct Kdf {
    name: String,
    hash: String,
    iterations: u32,
    salt: String,
}

#[derive(Serialize, Deserialize)]
struct Cipher {
    name: String,
    key_bits: u32,
    iv: String,
    tag_bits: u32,
}

#[derive(Serialize, Deserialize)]
struct Encrypted {
    format: String,
    version: u32,
    about: String,
    kdf: Kdf,
    cipher: Cipher,
    ciphertext: String,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CryptError {
    PassphraseTooShort,
    /// Wrong passphrase, or the file was changed after it was made.
    WrongPassphrase,
    /// The envelope is not one this version can open; says which part.
    Unsupported(String),
    /// The decrypted text is not text (should not happen with a Runway file).
    NotText,
}

impl std::fmt::Display for CryptError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            CryptError::PassphraseTooShort => write!(
                f,
                "Please use a passphrase of at least {MIN_PASSPHRASE_CHARS} characters; a few words are easiest to remember."
            ),
            CryptError::WrongPassphrase => f.write_str(
                "That passphrase does not open this file. Check it (capitals, spaces) and try again; if it is right, the file was changed after it was made.",
            ),
            CryptError::Unsupported(what) => write!(
                f,
                "This encrypted file cannot be opened by this version of Runway ({what})."
            ),
            CryptError::NotText => f.write_str("The file opened, but what it holds is not a Runway workspace."),
        }
    }
}

/// Whether `text` is an encrypted Runway file (without decrypting it).
pub fn is_encrypted(text: &str) -> bool {
    let head = text.get(..400).unwrap_or(text);
    head.contains("\"runway-encrypted\"")
        && super::json::value(text.as_bytes())
            .ok()
            .and_then(|v| {
                v.get("format")
                    .and_then(|f| f.as_str().map(|s| s == ENCRYPTED_FORMAT))
            })
            .unwrap_or(false)
}

fn derive_key(passphrase: &str, salt: &[u8], iterations: u32) -> [u8; 32] {
    let mut key = [0u8; 32];
    pbkdf2::pbkdf2_hmac::<sha2::Sha256>(passphrase.as_bytes(), salt, iterations, &mut key);
    key
}

/// Encrypts `plaintext` (a workspace file) with a key derived from `passphrase`.
pub fn encrypt(
    plaintext: &str,
    passphrase: &str,
    salt: [u8; 16],
    iv: [u8; 12],
    iterations: u32,
) -> Result<String, CryptError> {
    if passphrase.chars().count() < MIN_PASSPHRASE_CHARS {
        return Err(CryptError::PassphraseTooShort);
    }
    let key = derive_key(passphrase, &salt, iterations);
    let cipher = Aes256Gcm::new(&key.into());
    let ciphertext = cipher
        .encrypt(Nonce::from_slice(&iv), plaintext.as_bytes())
        .map_err(|_| CryptError::Unsupported("encryption failed".into()))?;
    let file = Encrypted {
        format: ENCRYPTED_FORMAT.into(),
        version: 1,
        about: ABOUT.into(),
        kdf: Kdf {
            name: "PBKDF2".into(),
            hash: "SHA-256".into(),
            iterations,
            salt: B64.encode(salt),
        },
        cipher: Cipher {
            name: "AES-GCM".into(),
            key_bits: 256,
            iv: B64.encode(iv),
            tag_bits: 128,
        },
        ciphertext: B64.encode(ciphertext),
    };
    Ok(super::json::to_pretty(&file))
}

/// Decrypts an encrypted Runway file back to the workspace file's text.
pub fn decrypt(text: &str, passphrase: &str) -> Result<String, CryptError> {
    let file: Encrypted = super::json::from_bytes(text.as_bytes())
        .map_err(|e| CryptError::Unsupported(format!("its envelope is damaged: {}", e.message)))?;
    if file.format != ENCRYPTED_FORMAT || file.version != 1 {
        return Err(CryptError::Unsupported(format!(
            "format version {}",
            file.version
        )));
    }
    if file.kdf.name != "PBKDF2" || file.kdf.hash != "SHA-256" {
        return Err(CryptError::Unsupported(format!(
            "key derivation {} {}",
            file.kdf.name, file.kdf.hash
        )));
    }
    if file.cipher.name != "AES-GCM" || file.cipher.key_bits != 256 || file.cipher.tag_bits != 128 {
        return Err(CryptError::Unsupported(format!(
            "cipher {} {}",
            file.cipher.name, file.cipher.key_bits
        )));
    }
    if !ITERATIONS_ACCEPTED.contains(&file.kdf.iterations) {
        return Err(CryptError::Unsupported(format!(
            "{} iterations",
            file.kdf.iterations
        )));
    }
    let bad = |what: &str| CryptError::Unsupported(format!("its {what} is damaged"));
    let salt = B64.decode(&file.kdf.salt).map_err(|_| bad("salt"))?;
    let iv = B64.decode(&file.cipher.iv).map_err(|_| bad("iv"))?;
    if iv.len() != 12 {
        return Err(bad("iv"));
    }
    let ciphertext = B64
        .decode(&file.ciphertext)
        .map_err(|_| bad("ciphertext"))?;
    let key = derive_key(passphrase, &salt, file.kdf.iterations);
    let plain = Aes256Gcm::new(&key.into())
        .decrypt(Nonce::from_slice(&iv), ciphertext.as_ref())
        .map_err(|_| CryptError::WrongPassphrase)?;
    String::from_utf8(plain).map_err(|_| CryptError::NotText)
}
