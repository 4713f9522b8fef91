"""The pre-flight check (设备自检): the window's lines (screens, fonts, sound, videos) and the page that shows them."""
