"""文件 → 导入题库…: a bank kept in another layout, previewed before it is written in StageShow's own.

The dialog reads the file as `stageshow import` does and shows what it found: how each column was read (the operator
can give a column another meaning, and the file is read again at once), every question with its type and answer,
the selected one painted as the stage will show it, and every problem at its place. Save writes a clean StageShow
bank; the source is only ever read.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QKeySequence, QPixmap, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from stageshow.domain.model import Question
from stageshow.formats.excel_layout import LETTERS, column_meanings, normalized
from stageshow.formats.problems import Problems
from stageshow.formats.show_file import read_bank
from stageshow.i18n import render
from stageshow.reports.bank_export import TYPE_NAMES, write_bank
from stageshow.reports.output import OutputProblem
from stageshow.ui.console.confirm import give_back_the_keyboard
from stageshow.ui.console.describe import question_card
from stageshow.ui.console.fit import size_within_screen
from stageshow.ui.console.import_preview import stage_picture
from stageshow.ui.tr import tr

# The meanings a column can be given, in the order offered: None reads it past.
MEANINGS: list[str | None] = ["stem", "answer", "type", "id", "pool", "explanation", "basis", "tier", "points",
                              "time_limit", "image", "video", "options_cell",
                              *[f"option:{letter}" for letter in LETTERS], "ignore"]
PREVIEW_WIDTH, PREVIEW_HEIGHT = 480, 270


def meaning_words(field: str | None) -> str:
    if field is None:
        return tr("（不认识，未读取）")
    if field == "ignore":
        return tr("不使用")
    name, _, letter = field.partition(":")
    return render(f"column_{name}", letter=letter)


class ImportDialog(QDialog):
    def __init__(self, source: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.source = source
        self.chosen: dict[str, str] = {}  # normalized header → the meaning the operator gave it
        self.questions: list[Question] = []
        self.problems = Problems()
        self.written: Path | None = None
        self.setWindowTitle(tr("导入题库：{name}", name=source.name))
        self.layout_label = QLabel()
        self.layout_label.setWordWrap(True)
        self.columns = QTableWidget(0, 3)
        self.columns.setHorizontalHeaderLabels([tr("工作表"), tr("列名"), tr("读作")])
        self.columns.horizontalHeader().setStretchLastSection(True)
        self.question_list = QListWidget()
        self.question_list.currentRowChanged.connect(self._on_question_list_current_row_changed)
        self.stage = QLabel()
        self.stage.setFixedSize(PREVIEW_WIDTH, PREVIEW_HEIGHT)
        self.card = QTextBrowser()
        self.problem_text = QPlainTextEdit()
        self.problem_text.setReadOnly(True)
        self.problem_text.setMaximumHeight(110)
        self.save_button = QPushButton(tr("保存为 StageShow 题库…　[Ctrl+S]"))
        self.save_button.clicked.connect(self._on_save_button_clicked)
        close = QPushButton(tr("关闭　[Esc]"))
        close.clicked.connect(self.reject)
        QShortcut(QKeySequence("Ctrl+S"), self, self._on_save_button_clicked)
        self._build_layout(close)
        size_within_screen(self, 1000, 720)
        self.reread()

    def _build_layout(self, close: QPushButton) -> None:
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(QLabel(tr("各列的读法（可改）：")))
        left_layout.addWidget(self.columns, 1)
        left_layout.addWidget(QLabel(tr("读出的题目：")))
        left_layout.addWidget(self.question_list, 2)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(QLabel(tr("大屏上的样子：")))
        right_layout.addWidget(self.stage)
        right_layout.addWidget(self.card, 1)
        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(right)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.layout_label)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.problem_text)
        layout.addLayout(buttons)

    def reread(self) -> None:
        """Read the source again with the meanings chosen so far, and show what came of it."""
        self.problems = Problems()
        with column_meanings(dict(self.chosen)):
            found = read_bank(self.source, self.problems)
        self.questions = [question for question, _ in found]
        self.layout_label.setText("\n".join(self.problems.layout) or tr("没有找到可读的表头或题目。"))
        self._fill_columns()
        self.question_list.clear()
        self.question_list.addItems([f"{q.id}　［{TYPE_NAMES[q.type]}］　{q.stem[:40]}" for q in self.questions])
        self.problem_text.setPlainText("\n".join(problem.render(self.source.parent)
                                                 for problem in self.problems.items) or tr("没有问题。"))
        self.save_button.setEnabled(bool(self.questions))
        if self.questions:
            self.question_list.setCurrentRow(0)
        else:
            self.stage.clear()
            self.card.clear()

    def _fill_columns(self) -> None:
        self.columns.setRowCount(len(self.problems.columns))
        for row, (table, name, field) in enumerate(self.problems.columns):
            self.columns.setItem(row, 0, QTableWidgetItem(table))
            self.columns.setItem(row, 1, QTableWidgetItem(name.replace("\n", " ")))
            box = QComboBox()
            choices = MEANINGS if field in MEANINGS else [field, *MEANINGS]
            for choice in choices:
                box.addItem(meaning_words(choice), choice)
            box.setCurrentIndex(choices.index(field))
            box.currentIndexChanged.connect(lambda _index, box=box, name=name: self.choose(name, box.currentData()))
            self.columns.setCellWidget(row, 2, box)

    def choose(self, header: str, field: str | None) -> None:
        """Give the column named `header` the meaning `field`, and read the file again."""
        if field is None:
            return
        self.chosen[normalized(header)] = field
        self.reread()

    def _on_question_list_current_row_changed(self, row: int) -> None:
        if not 0 <= row < len(self.questions):
            return
        question = self.questions[row]
        self.stage.setPixmap(QPixmap.fromImage(stage_picture(question, PREVIEW_WIDTH, PREVIEW_HEIGHT)))
        self.card.setHtml(question_card(question))

    def _on_save_button_clicked(self) -> None:
        if not self.questions:
            return
        suggested = self.source.with_name(f"{self.source.stem}（StageShow）.xlsx")
        path, _ = QFileDialog.getSaveFileName(self, tr("保存为 StageShow 题库"), str(suggested), "Excel (*.xlsx)")
        if path:
            self.save_to(Path(path))

    def save_to(self, out: Path) -> str:
        """Write the questions read to `out`; the message shown to the operator (written, or what went wrong)."""
        if out.suffix.lower() != ".xlsx":
            out = out.with_suffix(".xlsx")
        if out.resolve() == self.source.resolve():
            message = render("import_same")
        else:
            try:
                write_bank(self.questions, out)
            except OutputProblem as problem:
                message = str(problem)
            else:
                self.written = out
                message = render("import_written", path=out, count=len(self.questions))
        self.layout_label.setText(message)
        return message


BANK_FILES = "*.xlsx *.xls *.csv *.docx *.yaml *.yml"


def add_import_action(menu, window: QWidget) -> None:  # type: ignore[no-untyped-def]
    """文件 → 导入题库… (Ctrl+Shift+I): choose a bank, preview it, save it in StageShow's layout."""
    action = menu.addAction(tr("导入题库…"))
    action.setObjectName("action_import_bank")
    action.setShortcut(QKeySequence("Ctrl+Shift+I"))

    def choose_and_preview() -> None:
        path, _ = QFileDialog.getOpenFileName(window, tr("导入题库"), "", tr("题库 ({patterns})", patterns=BANK_FILES))
        if path:
            ImportDialog(Path(path), window).exec()
            give_back_the_keyboard(window)

    action.triggered.connect(choose_and_preview)
