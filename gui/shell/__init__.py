"""The shell: application, main window, start page, report list, dialogs around them."""
