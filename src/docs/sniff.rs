//! Which format a downloaded attachment is: magic bytes first (`%PDF`, the zip signature
//! with the OOXML part names, the OLE2 compound-file signature with its stream names), the
//! URL's extension only to tell apart what the bytes cannot (DOC vs WPS, XLS vs ET).

use crate::model::DocFormat;
use std::io::Cursor;

/// Extensions of attachments the stage reads.
pub const READ_EXTENSIONS: &[&str] = &["pdf", "docx", "doc", "wps", "xlsx", "xls", "et"];

/// The format a URL's extension announces.
pub fn from_extension(ext: &str) -> DocFormat {
    match ext.to_ascii_lowercase().as_str() {
        "pdf" => DocFormat::Pdf,
        "docx" => DocFormat::Docx,
        "doc" => DocFormat::Doc,
        "wps" => DocFormat::Wps,
        "xlsx" => DocFormat::Xlsx,
        "xls" => DocFormat::Xls,
        "et" => DocFormat::Et,
        _ => DocFormat::Other,
    }
}

const OLE_MAGIC: &[u8] = &[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

/// The format of the bytes; `ext` (lower-case, no dot) breaks ties.
pub fn detect(bytes: &[u8], ext: &str) -> DocFormat {
    let by_ext = from_extension(ext);
    let head = &bytes[..bytes.len().min(1024)];
    if head.windows(5).any(|w| w == b"%PDF-") {
        return DocFormat::Pdf;
    }
    if bytes.starts_with(b"PK\x03\x04") {
        return ooxml_kind(bytes).unwrap_or(DocFormat::Other);
    }
    if bytes.starts_with(OLE_MAGIC) {
        return match cfb::CompoundFile::open(Cursor::new(bytes)) {
            Ok(cf) => {
                if cf.is_stream("/WordDocument") {
                    if by_ext == DocFormat::Wps {
                        DocFormat::Wps
                    } else {
                        DocFormat::Doc
                    }
                } else if cf.is_stream("/Workbook") || cf.is_stream("/Book") {
                    if by_ext == DocFormat::Et {
                        DocFormat::Et
                    } else {
                        DocFormat::Xls
                    }
                } else {
                    // an OLE file of another kind (ppt, msg); a damaged directory still
                    // counts as what the extension says, to be reported as undecodable
                    by_ext
                }
            }
            Err(_) => match by_ext {
                DocFormat::Other => DocFormat::Doc,
                f => f,
            },
        };
    }
    DocFormat::Other
}

/// DOCX or XLSX by the part names in the zip directory.
fn ooxml_kind(bytes: &[u8]) -> Option<DocFormat> {
    let zip = zip::ZipArchive::new(Cursor::new(bytes)).ok()?;
    let names: Vec<String> = zip
        .file_names()
        .filter_map(|n| n.ok().map(|n| n.into_owned()))
        .collect();
    if names.iter().any(|n| n == "word/document.xml") {
        Some(DocFormat::Docx)
    } else if names.iter().any(|n| n.starts_with("xl/")) {
        Some(DocFormat::Xlsx)
    } else {
        None
    }
}
