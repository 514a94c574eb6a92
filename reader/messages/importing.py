"""What became of each file in an import (reader.importer)."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # code: (Chinese, English)
    # What became of a file in an import (reader.importer).
    "import.no_such_path": ("没有这个文件或文件夹", "no such file or folder"),
    "import.folder_named_like_file": (
        "这是文件夹，不是文件（其中的文件另行导入）",
        "a folder, not a file (the files inside it are imported on their own)",
    ),
    "import.fifo": (
        "这是命名管道（FIFO），不是文件，未读取",
        "a named pipe (FIFO), not a file; not read",
    ),
    "import.device": ("这是设备，不是文件，未读取", "a device, not a file; not read"),
    "import.special_file": (
        "这是特殊文件（套接字等），不是普通文件，未读取",
        "a special file (socket or the like), not a regular file; not read",
    ),
    "import.system_file": (
        "这是系统文件（{real}），不是简报，未读取",
        "a system file ({real}), not a bulletin; not read",
    ),
    "import.link_loops": ("符号链接循环指向自身", "a symbolic link that loops back on itself"),
    "import.link_dangles": (
        "符号链接指向的 {target} 不存在",
        "a symbolic link to {target}, which does not exist",
    ),
    "import.file_too_large": ("文件太大（{size_mb} MB）", "file too large ({size_mb} MB)"),
    "import.cannot_read": ("无法读取文件（{detail}）", "cannot read the file ({detail})"),
    "import.parser_bug": (
        "读取时程序出错（{kind}：{detail}），这是程序的缺陷",
        "could not read it ({kind}: {detail})",
    ),
    "import.derived_failed": (
        "文件已导入，但地区、关键词和转载关联未能生成（{detail}）；下次导入时会补上",
        "the files are imported, but their regions, keywords and reprint links could not be "
        "derived ({detail}); the next import tries again",
    ),
    "import.cannot_save": (
        "无法存入资料库（{detail}）",
        "could not save it in the archive ({detail})",
    ),
    "import.same_file": ("与第 {issue_id} 号期刊是同一文件", "same file as issue {issue_id}"),
    "import.rendition": (
        "第 {issue_id} 号期刊的另一版本（原有文字保留）",
        "another rendition of issue {issue_id}",
    ),
    "import.updated": (
        "第 {issue_id} 号期刊 {label}：{articles} 篇中 {changed} 篇有改动（{titles}）",
        "issue {issue_id} {label}: {changed} of {articles} articles changed ({titles})",
    ),
    "import.imported": (
        "第 {issue_id} 号期刊 {label}，{articles} 篇文章",
        "issue {issue_id} {label}, {articles} articles",
    ),
    "import.clash": (
        "第 {issue_id} 号期刊 {label}，{articles} 篇文章；"
        "与第 {others} 号期刊刊名期号相同而文章不同，请核对期刊信息",
        "issue {issue_id} {label}, {articles} articles; clashes with issue {others}: same "
        "series, year and number, different articles",
    ),
}
