"""比赛设置: the show file edited in forms, checked as the operator types, saved with its comments."""
