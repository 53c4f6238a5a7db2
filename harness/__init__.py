"""Starting the real app and Debian's Chromium: shared by the browser tests and `make bench`."""
