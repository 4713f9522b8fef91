"""A table over one list of the show file (teams, awards, banks, rounds): a row per entry, a column per field,
rows added and removed with buttons and keys. Every edit goes straight into the document, then `changed` fires."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from stageshow.formats.show_document import ShowDocument
from stageshow.ui.tr import tr


@dataclass(frozen=True)
class Column:
    header: str
    read: Callable[[Any], str]  # the entry → the text shown
    write: Callable[[list, int, str], None]  # type: ignore[type-arg]  # (the list, row, text typed) → the document
    choices: tuple[tuple[str, str], ...] = ()  # (words shown, value written): a drop-down instead of text


def field_column(header: str, key: str, convert: Callable[[str], Any] = str.strip) -> Column:
    """A column for one key of a mapping entry."""
    def read(entry: Any) -> str:
        value = entry.get(key) if hasattr(entry, "get") else None
        return "" if value is None else str(value)

    def write(items: list, row: int, text: str) -> None:  # type: ignore[type-arg]
        value = convert(text) if text.strip() else None
        if value is None:
            items[row].pop(key, None)
        else:
            items[row][key] = value
    return Column(header, read, write)


class ItemTable(QWidget):
    changed = Signal()
    selected = Signal(int)

    def __init__(self, document: ShowDocument, key: str, columns: list[Column],
                 new_entry: Callable[[int], dict[str, Any]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document, self.key, self.columns, self.new_entry = document, key, columns, new_entry
        self.table = QTableWidget(0, len(columns))
        self.table.setHorizontalHeaderLabels([column.header for column in columns])
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)  # every heading readable
        self.table.itemChanged.connect(self._on_table_item_changed)
        self.table.currentCellChanged.connect(lambda row, *_: self.selected.emit(row))
        add = QPushButton(tr("添加一行　[Ctrl+N]"))
        add.clicked.connect(self.add_row)
        remove = QPushButton(tr("删除所选行　[Ctrl+Delete]"))
        remove.clicked.connect(self.remove_row)
        QShortcut(QKeySequence("Ctrl+N"), self, self.add_row)
        QShortcut(QKeySequence("Ctrl+Delete"), self, self.remove_row)
        buttons = QHBoxLayout()
        buttons.addWidget(add)
        buttons.addWidget(remove)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self.refresh()

    @property
    def items(self) -> list:  # type: ignore[type-arg]
        return self.document.items(self.key)

    def refresh(self) -> None:
        self.table.blockSignals(True)
        self.table.setRowCount(len(self.items))
        for row, entry in enumerate(self.items):
            for index, column in enumerate(self.columns):
                if column.choices:
                    self._combo(row, index, column, column.read(entry))
                else:
                    self.table.setItem(row, index, QTableWidgetItem(column.read(entry)))
        self.table.blockSignals(False)

    def _combo(self, row: int, index: int, column: Column, current: str) -> None:
        box = QComboBox()
        for words, value in column.choices:
            box.addItem(words, value)
        box.setCurrentIndex(max(0, box.findData(current)))
        box.currentIndexChanged.connect(
            lambda _i, box=box, row=row, column=column: self._write(column, row, box.currentData()))
        self.table.setCellWidget(row, index, box)

    def _on_table_item_changed(self, item: QTableWidgetItem) -> None:
        self._write(self.columns[item.column()], item.row(), item.text())

    def _write(self, column: Column, row: int, text: str) -> None:
        column.write(self.items, row, text)
        self.changed.emit()

    def add_row(self) -> None:
        self.document.add_item(self.key, self.new_entry(len(self.items) + 1))
        self.refresh()
        self.table.setCurrentCell(len(self.items) - 1, 0)
        self.changed.emit()

    def remove_row(self) -> None:
        row = self.table.currentRow()
        if 0 <= row < len(self.items):
            del self.items[row]
            self.refresh()
            self.changed.emit()
