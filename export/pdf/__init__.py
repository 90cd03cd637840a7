"""The PDF: a Chinese typesetter on the GB/T 9704 grid, fonts, official tables."""
