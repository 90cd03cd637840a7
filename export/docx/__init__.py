"""The report as a Word file (.docx), made from the same outline as the PDF."""
