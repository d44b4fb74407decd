using System.Diagnostics;
using PdfSharp.Pdf;
using PdfSharp.Pdf.Advanced;
using PdfSharp.Pdf.IO;
using PdfPigDocument = UglyToad.PdfPig.PdfDocument;
using UsmpCare.Documents;

namespace UsmpCare.Web.Tests.Documents;

/// <summary>
/// Issue 22: every PDF the renderer writes is small, passes qpdf --check without a warning, says it is French and
/// maps every font back to Unicode — checked from outside PDFsharp (qpdf) and read back with PdfPig.
/// </summary>
public sealed class PdfFileTests
{
    private static readonly Letterhead Head = new("USMP de Villeneuve", "CH de Villeneuve", "1 rue de la Maison d'arrêt, 77000 Villeneuve", "01 23 45 67 89");

    /// <summary>The shapes every document kind is made of: a one-page certificate, a paginated pack with table rows
    /// and page breaks (release, transfer), a cover sheet without confidentiality line, an information sheet.</summary>
    public static TheoryData<string> Kinds => ["certificate", "pack", "cover", "sheet"];

    private static Letter Build(string kind) => kind switch
    {
        "certificate" => new Letter(Head, "Certificat médical initial", ["M. le chef d'établissement"], "Villeneuve, le 5 décembre 2026",
            "Constatations", [LetterBlock.Paragraph("Je soussigné certifie avoir examiné ce jour BLESSÉ Paul, écrou 12345, qui déclare : \"avoir été frappé\". Plaie de l'arcade sourcilière gauche de 2 cm, hématome périorbitaire. Incapacité totale de travail : 3 jour(s).")],
            ["Dr Jean Martin", "RPPS 10003456789"]),
        "pack" => new Letter(Head, "Dossier de sortie", ["Médecin traitant"], "Villeneuve, le 5 décembre 2026", "Continuité des soins",
            [.. Enumerable.Range(1, 60).SelectMany(i => (IEnumerable<LetterBlock>)
                [LetterBlock.Row($"Traitement {i}", "Metformine 850 mg, un comprimé matin et soir — œdème ? à surveiller"),
                 i % 20 == 0 ? LetterBlock.PageBreak() : LetterBlock.Heading($"Partie {i}")])],
            ["Dr Jean Martin"]),
        "cover" => new Letter(Head, "Bordereau d'envoi", ["Centre hospitalier"], "Villeneuve, le 5 décembre 2026", null,
            [LetterBlock.Paragraph("Un pli fermé, à remettre au médecin destinataire.")], ["USMP de Villeneuve"], Confidentiality: null),
        _ => new Letter(Head, "Livret d'information du patient", ["DUPONT Jean"], "Remis le 5 décembre 2026", null,
            [LetterBlock.Heading("Vos droits"), LetterBlock.Paragraph("Vous pouvez consulter un médecin à tout moment : 20 € ne vous seront jamais demandés.")],
            ["USMP de Villeneuve"], Confidentiality: null),
    };

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task Every_kind_passes_qpdf_check_without_a_warning(string kind)
    {
        var file = Path.Combine(Path.GetTempPath(), $"usmp-{kind}-{Guid.NewGuid():N}.pdf");
        await File.WriteAllBytesAsync(file, PdfRenderer.Render(Build(kind)));
        try
        {
            var info = new ProcessStartInfo("qpdf", ["--check", file]) { RedirectStandardOutput = true, RedirectStandardError = true };
            using var qpdf = Process.Start(info)!;
            var output = await qpdf.StandardOutput.ReadToEndAsync() + await qpdf.StandardError.ReadToEndAsync();
            await qpdf.WaitForExitAsync();

            qpdf.ExitCode.Should().Be(0, output);
            output.Should().Contain("No syntax or stream encoding errors found").And.NotContainEquivalentOf("warning");
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Every_font_is_an_embedded_subset_mapped_to_unicode_and_the_document_is_french(string kind)
    {
        var pdf = PdfRenderer.Render(Build(kind));

        using var document = PdfReader.Open(new MemoryStream(pdf), PdfDocumentOpenMode.Import);
        document.Language.Should().Be("fr-FR");
        var objects = document.Internals.GetAllObjects().OfType<PdfDictionary>().ToList();
        var fonts = objects.Where(d => d.Elements.GetName("/Type") == "/Font" && d.Elements.GetName("/Subtype") != "/CIDFontType2").ToList();
        fonts.Should().NotBeEmpty();
        fonts.Should().AllSatisfy(f => f.Elements.ContainsKey("/ToUnicode").Should().BeTrue(f.Elements.GetName("/BaseFont")));
        var descriptors = objects.Where(d => d.Elements.GetName("/Type") == "/FontDescriptor").ToList();
        descriptors.Should().NotBeEmpty().And.AllSatisfy(d => d.Elements.ContainsKey("/FontFile2").Should().BeTrue("the font is embedded"));
        // A subset's name starts with six capitals and a plus (ISO 32000-1 § 9.6.4).
        descriptors.Should().AllSatisfy(d => d.Elements.GetName("/FontName").Should().MatchRegex("^/[A-Z]{6}\\+"));
    }

    [Fact]
    public void The_document_is_tagged_title_heading_and_paragraphs_with_the_footer_as_an_artifact()
    {
        using var document = PdfReader.Open(new MemoryStream(PdfRenderer.Render(Build("pack"))), PdfDocumentOpenMode.Import);
        var catalog = document.Internals.Catalog;
        catalog.Elements.GetDictionary("/MarkInfo")!.Elements.GetBoolean("/Marked").Should().BeTrue();
        var root = catalog.Elements.GetDictionary("/StructTreeRoot");
        root.Should().NotBeNull("ISO 32000-1 § 14.7: the structure tree");
        var tags = new List<string>();
        void Walk(PdfItem? item)
        {
            switch (item)
            {
                case PdfReference reference:
                    Walk(reference.Value);
                    break;
                case PdfArray array:
                    foreach (var element in array.Elements)
                    {
                        Walk(element);
                    }
                    break;
                case PdfDictionary element:
                    if (element.Elements.GetName("/S") is { Length: > 0 } tag)
                    {
                        tags.Add(tag);
                    }
                    Walk(element.Elements["/K"]);
                    break;
            }
        }
        Walk(root!.Elements["/K"]);

        tags.Should().StartWith("/Document");
        tags.Count(t => t == "/H1").Should().Be(1, "the title");
        tags.Count(t => t == "/H2").Should().BeGreaterThanOrEqualTo(57, "the pack's 57 part headings");
        tags.Count(t => t == "/P").Should().BeGreaterThanOrEqualTo(60, "one paragraph per table row at least");
        var contents = string.Concat(document.Internals.GetAllObjects().OfType<PdfDictionary>()
            .Where(d => d.Stream is not null && !d.Elements.ContainsKey("/Length1"))
            .Select(d => System.Text.Encoding.Latin1.GetString(d.Stream.UnfilteredValue)));
        contents.Should().Contain("/Artifact", "the running footer is not read aloud on every page");
    }

    [Fact]
    public void The_embedded_fonts_carry_outlines_without_hinting()
    {
        using var document = PdfReader.Open(new MemoryStream(PdfRenderer.Render(Build("certificate"))), PdfDocumentOpenMode.Import);
        var fonts = document.Internals.GetAllObjects().OfType<PdfDictionary>()
            .Where(d => d.Elements.ContainsKey("/Length1")).Select(d => d.Stream.UnfilteredValue).ToList();

        fonts.Should().HaveCount(2, "the regular and the bold face");
        fonts.Should().AllSatisfy(font =>
        {
            var count = (font[4] << 8) | font[5];
            var tags = Enumerable.Range(0, count).Select(i => System.Text.Encoding.ASCII.GetString(font, 12 + 16 * i, 4)).ToList();
            tags.Should().Contain(["glyf", "head", "hhea", "hmtx", "loca", "maxp"], "ISO 32000-1 § 9.9 requires them")
                .And.NotContain(["cvt ", "fpgm", "prep"], "hinting programs are dropped with the glyph instructions");
        });
    }

    [Fact]
    public async Task A_renderer_from_outside_draws_the_shrunk_fonts_without_an_error()
    {
        // poppler (pdftoppm, over FreeType) parses every glyph it draws: a glyph table rebuilt wrong is an error on
        // its standard error, or a blank page.
        var directory = Directory.CreateTempSubdirectory("usmp-render-");
        try
        {
            var file = Path.Combine(directory.FullName, "certificate.pdf");
            await File.WriteAllBytesAsync(file, PdfRenderer.Render(Build("certificate")));
            var info = new ProcessStartInfo("pdftoppm", ["-r", "50", "-gray", file, Path.Combine(directory.FullName, "page")])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            using var pdftoppm = Process.Start(info)!;
            var errors = await pdftoppm.StandardError.ReadToEndAsync();
            await pdftoppm.WaitForExitAsync();

            pdftoppm.ExitCode.Should().Be(0, errors);
            errors.Should().BeEmpty();
            var image = await File.ReadAllBytesAsync(Directory.GetFiles(directory.FullName, "page*.pgm").Single());
            // A binary PGM: a short text header, then one byte per pixel. At 50 dpi the certificate's text darkens
            // about 3,300 of the page's 240,000 pixels; outlines read from a shifted offset fill whole areas (138,000
            // when the instructions are cut two bytes off), missing glyphs leave the page white.
            image.Count(pixel => pixel < 128).Should().BeInRange(2_000, 6_000, "the text is drawn, and only the text");
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Fact]
    public void A_one_page_certificate_stays_small_and_its_text_is_read_back()
    {
        var pdf = PdfRenderer.Render(Build("certificate"));

        pdf.Length.Should().BeLessThanOrEqualTo(20 * 1024, "a million documents must fit the disk (issue 22; 51 KB before)");
        using var read = PdfPigDocument.Open(pdf);
        var words = string.Join(" ", read.GetPages().SelectMany(p => p.GetWords()).Select(w => w.Text));
        words.Should().Contain("BLESSÉ").And.Contain("sourcilière").And.Contain("périorbitaire").And.Contain("RPPS 10003456789");
    }
}
