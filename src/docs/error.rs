//! Why a document could not be read.

use thiserror::Error;

#[derive(Debug, Error)]
pub enum DocError {
    #[error("文件已加密（{0}）")]
    Encrypted(String),
    #[error("文件结构损坏或被截断：{0}")]
    Malformed(String),
    #[error("解压后超过上限（{0}）")]
    TooLarge(String),
    #[error("不支持的格式：{0}")]
    Unsupported(String),
    #[error("解析器异常终止：{0}")]
    Panicked(String),
}

impl DocError {
    pub fn malformed(e: impl std::fmt::Display) -> Self {
        DocError::Malformed(e.to_string())
    }
}
