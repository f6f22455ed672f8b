//! Files that only the service's own user may read: the audit chain's key, clients files with
//! secrets, the SQLite databases with personal data. Directories are made 0700 and files 0600,
//! whatever the umask, and files that an earlier version left readable are tightened.

use std::io::Write;
use std::path::Path;

/// Creates `dir` (and its parents) as 0700 where it does not exist yet.
pub fn private_dir(dir: &Path) -> std::io::Result<()> {
    if dir.as_os_str().is_empty() || dir.is_dir() {
        return Ok(());
    }
    let mut builder = std::fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    std::os::unix::fs::DirBuilderExt::mode(&mut builder, 0o700);
    builder.create(dir)
}

/// Makes an existing file or directory readable by its owner only (0600, a directory 0700).
pub fn restrict(path: &Path) -> std::io::Result<()> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = if path.is_dir() { 0o700 } else { 0o600 };
        std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode))?;
    }
    #[cfg(not(unix))]
    let _ = path;
    Ok(())
}

/// Writes `contents` to a file that only its owner can read (0600, also when it existed).
pub fn write_private(path: &Path, contents: &[u8]) -> std::io::Result<()> {
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create(true).truncate(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    let mut file = options.open(path)?;
    restrict(path)?;
    file.write_all(contents)?;
    file.sync_all()
}

/// Prepares an SQLite database file: its folder 0700 when it is made here, the file itself and
/// its `-wal`/`-shm` companions 0600 (SQLite gives the companions the mode of the database
/// file, so creating that one 0600 before SQLite does is enough for new databases).
pub fn private_sqlite_file(path: &Path) -> std::io::Result<()> {
    if let Some(dir) = path.parent() {
        private_dir(dir)?;
    }
    // never truncated: replicas starting at once may already be writing to it
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    drop(options.open(path)?);
    for suffix in ["", "-wal", "-shm", "-journal"] {
        let mut name = path.as_os_str().to_owned();
        name.push(suffix);
        // a companion SQLite removes meanwhile (the journal comes and goes) needs nothing
        match restrict(&std::path::PathBuf::from(name)) {
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            other => other?,
        }
    }
    Ok(())
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;
    use std::os::unix::fs::PermissionsExt;

    fn mode(p: &Path) -> u32 {
        std::fs::metadata(p)
            .map(|m| m.permissions().mode() & 0o777)
            .unwrap_or(0)
    }

    #[test]
    fn private_files_and_folders_whatever_was_there() {
        let base = std::env::temp_dir().join(format!("platform-files-{}", uuid::Uuid::new_v4().simple()));
        let dir = base.join("data");
        private_dir(&dir).unwrap();
        assert_eq!(mode(&dir), 0o700);
        let key = dir.join("audit-keys");
        std::fs::write(&key, "old").unwrap();
        std::fs::set_permissions(&key, std::fs::Permissions::from_mode(0o644)).unwrap();
        write_private(&key, b"new").unwrap();
        assert_eq!(
            (mode(&key), std::fs::read_to_string(&key).unwrap().as_str()),
            (0o600, "new")
        );
        let db = dir.join("x.db");
        std::fs::write(dir.join("x.db-wal"), "").unwrap();
        private_sqlite_file(&db).unwrap();
        assert_eq!((mode(&db), mode(&dir.join("x.db-wal"))), (0o600, 0o600));
        let _ = std::fs::remove_dir_all(&base);
    }
}
