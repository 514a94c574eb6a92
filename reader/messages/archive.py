"""The archive itself: opening it, the store's refusals, how an issue is named."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # code: (Chinese, English)
    # Opening and writing the archive (reader.store.db).
    "archive.unreadable": (
        "{path}：不是可读的资料库（{detail}）",
        "{path}: not a readable archive database ({detail})",
    ),
    "archive.newer_schema": (
        "{path} 由更新版本的 reader 写入（结构步骤 {step}），请安装新版本后再打开",
        "{path} was written by a newer version of reader (schema step {step}); "
        "install the newer version to open it",
    ),
    "archive.busy": (
        "{path}：另一个程序正在写入资料库，等待 {seconds} 秒后仍未完成，请稍后再试",
        "{path}: another program kept the archive busy for {seconds} s; try again",
    ),
    # The store's own refusals (reader.store).
    "store.no_issue": ("没有第 {issue_id} 号期刊", "no issue with id {issue_id}"),
    "store.not_a_source": (
        "来源 {source_id} 不是第 {issue_id} 号期刊的来源文件",
        "source {source_id} is not a source of issue {issue_id}",
    ),
    "store.source_text_not_kept": (
        "来源 {source_id} 的文字没有保存（导入时的版本较旧），请重新导入该文件",
        "the text of source {source_id} was not kept (imported by an older version); "
        "import the file again",
    ),
    "trash.not_in_trash": (
        "第 {issue_id} 号期刊不在回收站中",
        "issue {issue_id} is not in the trash",
    ),
    # How an issue is named (reader.issue_label): the printed parts stay as printed.
    "label.numbered": ("{series}{year}第{issue_no}期", "{series}{year}第{issue_no}期"),
    "label.no_number": ("{series}{year}，期数不详", "{series}{year}, number unknown"),
    "label.series_only": ("{series}，年份、期号不详", "{series}, year and number unknown"),
    "label.unknown": ("刊名、期号不详", "series and number unknown"),
}
