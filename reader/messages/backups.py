"""Backups and restores (reader.backup, reader.backup_schema)."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # code: (Chinese, English)
    # Backups and restores (reader.backup, reader.backup_schema).
    "backup.copy_failed_check": (
        "{path}：副本未通过检查（{detail}）",
        "{path}: the copy failed its check ({detail})",
    ),
    "backup.no_such_file": ("{path}：没有这个文件", "{path}: no such file"),
    "backup.not_sqlite": (
        "{path}：不是 reader 资料库（不是 SQLite 数据库文件）",
        "{path}: not a reader archive (not an SQLite database file)",
    ),
    "backup.cannot_open": ("{path}：无法打开（{detail}）", "{path}: cannot open it ({detail})"),
    "backup.unreadable": (
        "{path}：数据库已损坏或无法读取（{detail}）",
        "{path}: damaged or unreadable database ({detail})",
    ),
    "backup.damaged": (
        "{path}：数据库已损坏（{detail}）",
        "{path}: the database is damaged ({detail})",
    ),
    "backup.not_reader": (
        "{path}：是 SQLite 数据库，但不是 reader 资料库",
        "{path}: an SQLite database, but not a reader archive",
    ),
    "backup.newer_schema": (
        "{path} 由更新版本的 reader 写入（结构步骤 {step}），请安装新版本后再恢复",
        "{path} was written by a newer version of reader (schema step {step}); "
        "install the newer version to restore it",
    ),
    "backup.foreign_schema": (
        "{path}：不是本程序写出的资料库结构（{problem}），未恢复，现有资料库未改动",
        "{path}: not an archive as reader writes it ({problem}); nothing was restored",
    ),
    "backup.foreign_trigger": ("含有触发器 {name}", "it holds a trigger {name}"),
    "backup.foreign_view": ("含有视图 {name}", "it holds a view {name}"),
    "backup.unknown_table": ("含有未知的表 {name}", "it holds an unknown table {name}"),
    "backup.missing_table": ("缺少表 {name}", "the table {name} is missing"),
    "backup.wrong_columns": ("表 {name} 的列不对", "the table {name} has other columns"),
    "backup.schema_steps_out_of_order": (
        "结构步骤顺序不对：{steps}",
        "its schema steps are not reader's: {steps}",
    ),
    "backup.is_the_archive": (
        "{path}：这就是资料库本身，请另选文件",
        "{path}: that is the archive itself; choose another file",
    ),
    "backup.no_folder": (
        "{path}：文件夹 {folder} 不存在",
        "{path}: the folder {folder} does not exist",
    ),
    "backup.would_overwrite": (
        "{path}：该文件已存在且不是 reader 备份，请换个名称",
        "{path}: the file exists and is not a reader backup; choose another name",
    ),
    "backup.no_archive": ("{path}：没有可备份的资料库", "{path}: there is no archive to back up"),
    "backup.failed": ("{path}：备份失败（{detail}）", "{path}: the backup failed ({detail})"),
    "backup.cannot_write": ("{path}：无法写入（{detail}）", "{path}: cannot write it ({detail})"),
    "backup.cannot_migrate": (
        "{path}：无法升级到当前结构（{problem}）",
        "{path}: cannot be brought up to date ({problem})",
    ),
    "backup.archive_in_use": (
        "{folder}：资料库正在另一个 reader 窗口或命令中使用，请关闭后重试",
        "{folder}: the archive is open in another reader window or command; close it and try again",
    ),
    "backup.restore_itself": ("{path}：这就是资料库本身", "{path}: that is the archive itself"),
    "backup.restore_failed": (
        "{path}：恢复失败（{detail}），资料库未改动",
        "{path}: the restore failed ({detail}); the archive is unchanged",
    ),
    "backup.restore_failed_os": (
        "{folder}：恢复失败（{detail}）",
        "{folder}: the restore failed ({detail})",
    ),
}
