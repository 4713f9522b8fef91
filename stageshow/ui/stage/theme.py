"""The stage's colours and proportions. Every size is a fraction of the stage height, so one design scales."""

from PySide6.QtGui import QColor

BACKGROUND_TOP = QColor("#0A1A33")
BACKGROUND_BOTTOM = QColor("#133463")
PANEL = QColor(255, 255, 255, 22)
PANEL_STRONG = QColor(255, 255, 255, 40)
TEXT = QColor("#FFFFFF")
TEXT_DIM = QColor("#B8C7E0")
ACCENT = QColor("#F2C14E")
CORRECT = QColor("#2E9E4F")
WRONG = QColor("#D83A34")
WARNING = QColor("#F57C00")
BACKGROUND_DIM = QColor(6, 16, 36, 150)  # laid over a show's own background image so white text stays legible
DEFAULT_TEAM = QColor("#5C7CB5")

MIN_TEXT = 0.020  # of the stage height: ~15 px at 768, ~22 px at 1080
HEADER = 0.085
FOOTER = 0.085
MARGIN = 0.035
