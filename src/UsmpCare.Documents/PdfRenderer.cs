using System.Reflection;
using PdfSharp;
using PdfSharp.Drawing;
using PdfSharp.Fonts;
using PdfSharp.Pdf;
using PdfSharp.UniversalAccessibility;

namespace UsmpCare.Documents;

/// <summary>
/// Renders letters to A4 PDF with PDFsharp (AGPL-3.0, see docs/decisions/0001). XTextFormatter neither paginates nor
/// reports overflow, so line breaking and pagination are done here: words are measured, lines laid out, and a new
/// page starts when the next line would cross the footer.
/// </summary>
public static class PdfRenderer
{
    private const string Family = "DejaVu Sans";
    private const double Margin = 56; // 2 cm
    private const double FooterHeight = 40;

    private static readonly Lazy<bool> Setup = new(() =>
    {
        PdfSharpLicense.SetAgplLicense();
        GlobalFontSettings.FontResolver = new EmbeddedFontResolver();
        return true;
    }, LazyThreadSafetyMode.ExecutionAndPublication);

    public static byte[] Render(Letter letter)
    {
        _ = Setup.Value;
        var regular = Font(10.5, XFontStyleEx.Regular);
        var bold = Font(10.5, XFontStyleEx.Bold);
        var title = Font(14, XFontStyleEx.Bold);
        var small = Font(8, XFontStyleEx.Regular);

        using var document = new PdfDocument();
        document.Info.Title = letter.Title;
        document.Info.Creator = "UsmpCare";
        // Saved uncompressed: CompactPdf deflates every stream itself, with the zlib trailer PDFsharp leaves out.
        document.Options.NoCompression = true;
        document.Options.CompressContentStreams = false;
        // Tagged (ISO 32000-1 § 14.8): a screen reader reads the title and headings as such, each block as one
        // paragraph, and skips the running footer. Each Add is one structure element, whatever lines it wraps to.
        var structure = UAManager.ForDocument(document).StructureBuilder;
        // Screen readers and spell checkers read the text as French (PDF/UA's /Lang in the catalog); set after the
        // UAManager, which sets its own default.
        document.Language = "fr-FR";
        var lines = new List<(string Text, XFont Font, double SpaceBefore, PdfBlockLevelElementTag Tag)>();
        void Add(string text, XFont font, double spaceBefore = 0, PdfBlockLevelElementTag tag = PdfBlockLevelElementTag.Paragraph) =>
            lines.Add((FrenchTypography.Apply(text), font, spaceBefore, tag));

        Add(letter.Letterhead.UnitName, bold);
        Add(letter.Letterhead.ReferenceHospital, regular);
        Add(letter.Letterhead.Address, regular);
        Add("Tél. " + letter.Letterhead.Phone, regular);
        if (letter.Confidentiality is { } confidential)
        {
            Add(confidential, bold, 10);
        }
        var first = true;
        foreach (var line in letter.Recipient)
        {
            Add("\t" + line, regular, first ? 16 : 0);
            first = false;
        }
        Add("\t" + letter.PlaceAndDate, regular, 14);
        Add(letter.Title, title, 18, PdfBlockLevelElementTag.Heading1);
        if (letter.Subject is { } subject)
        {
            Add("Objet : " + subject, bold, 8);
        }
        foreach (var block in letter.Body)
        {
            if (block.IsPageBreak)
            {
                lines.Add(("\f", regular, 0, PdfBlockLevelElementTag.Paragraph));
                continue;
            }
            if (block.Label is { } label)
            {
                // A table row: the label in the left column, the value wrapped in the right one.
                Add("\v" + label + "\v" + block.Text, regular, 3);
                continue;
            }
            if (block.IsSignature)
            {
                Add("\t" + block.Text, bold, 18);
                Add("\tSignature :", regular, 4);
                Add("\t", regular, 40);
                continue;
            }
            Add(block.Text, block.IsHeading ? bold : regular, block.IsHeading ? 12 : 7,
                block.IsHeading ? PdfBlockLevelElementTag.Heading2 : PdfBlockLevelElementTag.Paragraph);
        }
        first = true;
        foreach (var line in letter.Signature)
        {
            Add("\t" + line, first ? bold : regular, first ? 24 : 0);
            first = false;
        }

        var pages = Paginate(lines);
        for (var i = 0; i < pages.Count; i++)
        {
            var page = document.AddPage();
            page.Size = PageSize.A4;
            using var gfx = XGraphics.FromPdfPage(page);
            int? open = null;
            foreach (var (text, font, x, y, block, tag) in pages[i])
            {
                if (open != block)
                {
                    if (open is not null)
                    {
                        structure.End();
                    }
                    structure.BeginElement(tag);
                    open = block;
                }
                gfx.DrawString(text, font, XBrushes.Black, new XRect(x, y, page.Width.Point - x - Margin, font.Height),
                    XStringFormats.TopLeft);
            }
            if (open is not null)
            {
                structure.End();
            }
            structure.BeginArtifact();
            var footerY = page.Height.Point - Margin / 2 - FooterHeight / 2;
            gfx.DrawLine(XPens.Gray, Margin, footerY - 4, page.Width.Point - Margin, footerY - 4);
            gfx.DrawString($"{letter.Letterhead.UnitName} — {letter.Letterhead.Address} — Tél. {letter.Letterhead.Phone}",
                small, XBrushes.Gray, new XRect(Margin, footerY, page.Width.Point - 2 * Margin, 10), XStringFormats.TopLeft);
            gfx.DrawString($"Page {i + 1} / {pages.Count}", small, XBrushes.Gray,
                new XRect(Margin, footerY, page.Width.Point - 2 * Margin, 10), XStringFormats.TopRight);
            structure.End();
        }
        using var stream = new MemoryStream();
        document.Save(stream, closeStream: false);
        return CompactPdf.Compact(stream);
    }

    /// <summary>
    /// Unicode encoding for every face: PDFsharp then writes a Type 0 font whose subset keeps no cmap and which has a
    /// ToUnicode map, so the text is extracted (copied, read aloud, searched) as written, « Œ » and « € » included.
    /// </summary>
    private static XFont Font(double size, XFontStyleEx style) =>
        new(Family, size, style, new XPdfFontOptions(PdfFontEncoding.Unicode));

    /// <summary>Breaks every line to the text width and spreads them over A4 pages above the footer.</summary>
    private static List<List<(string Text, XFont Font, double X, double Y, int Block, PdfBlockLevelElementTag Tag)>> Paginate(
        List<(string Text, XFont Font, double SpaceBefore, PdfBlockLevelElementTag Tag)> lines)
    {
        var pageWidth = XUnit.FromMillimeter(210).Point;
        var pageHeight = XUnit.FromMillimeter(297).Point;
        var bottom = pageHeight - Margin - FooterHeight;
        var measure = XGraphics.CreateMeasureContext(new XSize(pageWidth, pageHeight), XGraphicsUnit.Point, XPageDirection.Downwards);
        var pages = new List<List<(string, XFont, double, double, int, PdfBlockLevelElementTag)>> { new() };
        var y = Margin;
        var labelFont = Font(10.5, XFontStyleEx.Bold);
        var block = 0;
        foreach (var (raw, font, spaceBefore, tag) in lines)
        {
            block++;
            if (raw == "\f")
            {
                pages.Add([]);
                y = Margin;
                continue;
            }
            if (raw.StartsWith('\v'))
            {
                var parts = raw.Split('\v', 3);
                y += spaceBefore;
                const double labelWidth = 185;
                var column = Margin + labelWidth + 10;
                var labelLines = Wrap(measure, parts[1], labelFont, labelWidth).ToList();
                var rowLines = Wrap(measure, parts[2], font, pageWidth - Margin - column).ToList();
                var lineHeight = font.GetHeight() * 1.15;
                var rows = Math.Max(labelLines.Count, rowLines.Count);
                if (y + lineHeight * rows > bottom && y > Margin)
                {
                    pages.Add([]);
                    y = Margin;
                }
                for (var i = 0; i < rows; i++)
                {
                    if (i < labelLines.Count)
                    {
                        pages[^1].Add((labelLines[i], labelFont, Margin, y, block, tag));
                    }
                    if (i < rowLines.Count)
                    {
                        pages[^1].Add((rowLines[i], font, column, y, block, tag));
                    }
                    y += lineHeight;
                }
                continue;
            }
            var indented = raw.StartsWith('\t');
            var x = indented ? pageWidth / 2 : Margin;
            var width = pageWidth - Margin - x;
            y += spaceBefore;
            foreach (var paragraph in raw.TrimStart('\t').Split('\n'))
            {
                foreach (var line in Wrap(measure, paragraph, font, width))
                {
                    var height = font.GetHeight() * 1.15;
                    if (y + height > bottom)
                    {
                        pages.Add([]);
                        y = Margin;
                    }
                    pages[^1].Add((line, font, x, y, block, tag));
                    y += height;
                }
            }
        }
        return pages;
    }

    private static IEnumerable<string> Wrap(XGraphics measure, string text, XFont font, double width)
    {
        if (text.Length == 0)
        {
            yield return "";
            yield break;
        }
        var current = "";
        foreach (var word in text.Split(' '))
        {
            var candidate = current.Length == 0 ? word : current + " " + word;
            if (measure.MeasureString(candidate, font).Width <= width || current.Length == 0)
            {
                current = candidate;
                continue;
            }
            yield return current;
            current = word;
        }
        yield return current;
    }

    /// <summary>Serves the DejaVu faces embedded in this assembly, whatever family a document asks for.</summary>
    private sealed class EmbeddedFontResolver : IFontResolver
    {
        public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic) =>
            new(bold ? "DejaVuSans-Bold" : "DejaVuSans");

        public byte[]? GetFont(string faceName)
        {
            using var stream = Assembly.GetExecutingAssembly()
                .GetManifestResourceStream($"UsmpCare.Documents.Fonts.{faceName}.ttf");
            if (stream is null)
            {
                return null;
            }
            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            return buffer.ToArray();
        }
    }
}
