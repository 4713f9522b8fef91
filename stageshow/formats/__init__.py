"""Reading and checking show files, question banks and rehearsal scripts (formats.md)."""
