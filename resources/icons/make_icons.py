"""Draw the application icon: a 红头 (red-headed) official document on a red tile.

One geometry (on a 256 x 256 grid) is written both as SVG and as PNG/ICO via Pillow, so the
files stay in step. Run from anywhere: ``python3 resources/icons/make_icons.py``.
"""

from __future__ import annotations

from pathlib import Path

from PIL import Image, ImageDraw

HERE = Path(__file__).resolve().parent
RED = "#b3261e"
PAPER = "#ffffff"
FOLD = "#e6dcdc"
TEXT = "#9a9a9a"
SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)

TILE = (16, 16, 240, 240, 44)  # x0, y0, x1, y1, corner radius
PAGE = [(66, 40), (160, 40), (192, 72), (192, 216), (66, 216)]
FOLD_TRIANGLE = [(160, 40), (160, 72), (192, 72)]
HEAD = (84, 66, 150, 84)  # the red title block (红头)
RULE = (84, 96, 174, 101)  # the red rule under it
LINES = [(84, 118, 174, 126), (84, 138, 174, 146), (84, 158, 174, 166), (84, 178, 140, 186)]


def svg() -> str:
    x0, y0, x1, y1, r = TILE
    page = " ".join(f"{x},{y}" for x, y in PAGE)
    fold = " ".join(f"{x},{y}" for x, y in FOLD_TRIANGLE)
    rects = "\n".join(
        f'  <rect x="{a}" y="{b}" width="{c - a}" height="{d - b}" fill="{fill}" rx="{rx}"/>'
        for (a, b, c, d), fill, rx in [(HEAD, RED, 2), (RULE, RED, 0)]
        + [(line, TEXT, 4) for line in LINES]
    )
    return f"""<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 256 256">
  <title>公开年报编辑器</title>
  <rect x="{x0}" y="{y0}" width="{x1 - x0}" height="{y1 - y0}" rx="{r}" fill="{RED}"/>
  <polygon points="{page}" fill="{PAPER}"/>
  <polygon points="{fold}" fill="{FOLD}"/>
{rects}
</svg>
"""


def png(size: int) -> Image.Image:
    scale = 4 * size / 256  # draw large, then shrink: smooth edges at every size
    big = int(size * 4)
    image = Image.new("RGBA", (big, big), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)

    def s(values: tuple[int, ...] | list[tuple[int, int]]) -> list[float]:
        flat = [v for point in values for v in point] if isinstance(values, list) else values
        return [v * scale for v in flat]  # type: ignore[union-attr]

    x0, y0, x1, y1, r = TILE
    draw.rounded_rectangle(s((x0, y0, x1, y1)), radius=r * scale, fill=RED)
    draw.polygon(s(PAGE), fill=PAPER)
    draw.polygon(s(FOLD_TRIANGLE), fill=FOLD)
    draw.rounded_rectangle(s(HEAD), radius=2 * scale, fill=RED)
    draw.rectangle(s(RULE), fill=RED)
    if size >= 32:  # text lines are mush below 32 px
        for line in LINES:
            draw.rounded_rectangle(s(line), radius=4 * scale, fill=TEXT)
    return image.resize((size, size), Image.Resampling.LANCZOS)


def main() -> None:
    (HERE / "nianbao.svg").write_text(svg(), encoding="utf-8")
    images = {size: png(size) for size in SIZES}
    for size, image in images.items():
        image.save(HERE / f"nianbao-{size}.png")
    images[256].save(HERE / "nianbao.ico", sizes=[(n, n) for n in ICO_SIZES])


if __name__ == "__main__":
    main()
