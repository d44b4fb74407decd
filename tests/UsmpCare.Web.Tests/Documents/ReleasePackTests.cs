using UglyToad.PdfPig;
using UsmpCare.Documents;
using UsmpCare.Domain.Patients;
using UsmpCare.Domain.Units;
using UsmpCare.Web.Documents;

namespace UsmpCare.Web.Tests.Documents;

/// <summary>Issue #20, point 5: the release pack's prescription page, read back from the PDF.</summary>
public sealed class ReleasePackTests
{
    private const string Phone = "03 83 76 54 32";
    private static readonly DateOnly Today = new(2026, 11, 20);

    private static (Patient Patient, Unit Unit) Facts()
    {
        var unit = new Unit("NCY", "USMP de Nancy-Maxéville", EstablishmentType.MA, "CHRU de Nancy", Phone,
            "Rue du Pont, 54320 Maxéville");
        var patient = new Patient(unit.Id, "12345", "Sortant", "Paul", new DateOnly(1980, 1, 1), Sex.Male, Today.AddMonths(-6));
        return (patient, unit);
    }

    private static List<List<string>> LinesOfPages(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        return [.. document.GetPages().Select(page => page.GetWords()
            .GroupBy(w => Math.Round(w.BoundingBox.Bottom))
            .OrderByDescending(g => g.Key)
            .Select(g => string.Join(" ", g.OrderBy(w => w.BoundingBox.Left).Select(w => w.Text))
                .Replace(FrenchTypography.Nbsp, ' ').Replace(FrenchTypography.NarrowNbsp, ' '))
            .ToList())];
    }

    [Fact]
    public void The_prescription_page_names_its_prescriber_with_rpps_and_a_signature_zone_and_the_allergy_state()
    {
        var (patient, unit) = Facts();

        var letter = ReleasePackBuilder.Build(patient, unit, new Signer("Dr Claire Prescriptrice", "10101010101"), [], [], [], null, Today);
        var pages = LinesOfPages(PdfRenderer.Render(letter));

        var prescription = string.Join("\n", pages.Single(lines => lines.Any(l => l.Contains("2. Ordonnance"))));
        prescription.Should().Contain("Dr Claire Prescriptrice").And.Contain("RPPS 10101010101").And.Contain("Signature")
            .And.Contain("non renseignées", "the allergy state is on the page that prescribes");
    }

    [Fact]
    public void The_units_phone_number_never_breaks_across_lines()
    {
        var (patient, unit) = Facts();
        patient.Allergies.StateNoneKnown("Dr Durand", new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.Zero));

        var letter = ReleasePackBuilder.Build(patient, unit, new Signer("Dr Claire Prescriptrice", null), [], [], [], null, Today);
        var pages = LinesOfPages(PdfRenderer.Render(letter));

        // Joined by spaces, a number broken across two lines is found again; joined by line breaks, only whole ones.
        var asLines = string.Join("\n", pages.SelectMany(p => p));
        var asText = asLines.Replace('\n', ' ');
        var whole = asLines.Split(Phone).Length - 1;
        whole.Should().Be(asText.Split(Phone).Length - 1, "no occurrence of the number spans two lines");
        pages.Single(lines => lines.Any(l => l.Contains("2. Ordonnance"))).Should().Contain(l => l.Contains("appelez l'unité sanitaire") || l.Contains(Phone));
        whole.Should().BeGreaterThan(pages.Count, "the footer of every page and the body's sentences carry it");
        asText.Should().Contain("aucune allergie connue (déclaré par Dr Durand le 02/11/2026)");
    }
}
