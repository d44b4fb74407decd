using System.Text.RegularExpressions;
using UglyToad.PdfPig;
using UsmpCare.Documents;
using UsmpCare.Domain;
using UsmpCare.Domain.Patients;
using UsmpCare.Domain.Security;
using UsmpCare.Domain.Treatments;
using UsmpCare.Domain.Units;
using UsmpCare.Web.Treatments;

namespace UsmpCare.Web.Tests.Treatments;

/// <summary>Issue #20 point 5: the ordonnance of a signed prescription, rendered to PDF and read back.</summary>
public sealed class OrdonnanceTests
{
    private static readonly DateOnly Start = new(2026, 11, 23);
    private static readonly DateTimeOffset SignedAt = new(2026, 11, 23, 9, 30, 0, TimeSpan.Zero);

    private static Drug Product(string cis, string name, string substance)
    {
        var drug = new Drug(cis);
        drug.Update(name, "gélule", "orale", "Autorisation active", "Commercialisée",
            [new DrugSubstance("90001", substance, "40 mg", "une gélule", "SA")], [], name.ToLowerInvariant());
        return drug;
    }

    private static (Prescription, Patient, Unit) Signed(Drug drug, int days, string unitName = "USMP de Fresnes")
    {
        var unit = new Unit("ORD-T", unitName, EstablishmentType.MA, "CH de test", "01 23 45 67 89", "1 allée des Thuyas, 94260 Fresnes");
        var patient = new Patient(unit.Id, "123456", "Martin", "Karim", new DateOnly(1985, 3, 2), Sex.Male, Start);
        var prescription = Prescription.Draft(patient.Id, unit.Id, Team.Somatic, new Prescriber(Guid.NewGuid(), "Dr Anne Leroy", "10001234567"), SignedAt);
        prescription.AddLine(PrescriptionLine.Create(new LineRequest(drug.Cis, null, 1, "gélule(s)", DoseTimes.Morning, null, false,
            null, Start, days, null, DistributionMode.Supervised, null), drug, DistributionMode.Daily), [], new AllergyRecord());
        prescription.Sign(SignedAt, false);
        return (prescription, patient, unit);
    }

    /// <summary>The printed lines of each page, top to bottom, every kind of space read as one space.</summary>
    internal static List<string> PrintedLines(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        return [.. document.GetPages().SelectMany(page => page.Letters
            .GroupBy(l => Math.Round(l.StartBaseLine.Y))
            .OrderByDescending(g => g.Key)
            .Select(g => Regex.Replace(string.Concat(g.OrderBy(l => l.StartBaseLine.X).Select(l => l.Value)), @"[\s\u00A0\u202F]+", " ").Trim()))];
    }

    [Fact]
    public void A_methadone_ordonnance_is_secured_with_quantities_and_the_number_of_specialties_in_letters()
    {
        var (prescription, patient, unit) = Signed(Product("99000012", "METHADONE AP-HP 40 mg, gélule", "CHLORHYDRATE DE MÉTHADONE"), 14);

        var lines = PrintedLines(PdfRenderer.Render(OrdonnanceBuilder.Build(prescription, patient, unit)));
        var text = string.Join(" ", lines);

        text.Should().Contain("Ordonnance sécurisée").And.Contain("USMP de Fresnes").And.Contain("01 23 45 67 89")
            .And.Contain("Dr Anne Leroy, RPPS 10001234567").And.Contain("MARTIN Karim, né(e) le 02/03/1985, écrou 123456")
            .And.Contain("Le lundi 23 novembre 2026").And.Contain("Signature :");
        text.Should().Contain("METHADONE AP-HP 40 mg, gélule : 1 (un) gélule(s) le matin, prise devant l'infirmier, pendant 14 (quatorze) jours");
        lines.Should().Contain(l => l.StartsWith("Nombre de spécialités") && l.EndsWith("1 (un)"), "the box for the number of specialties");
    }

    [Fact]
    public void An_ordinary_ordonnance_is_not_secured_and_writes_numbers_in_figures()
    {
        var (prescription, patient, unit) = Signed(Product("99000003", "PARACETAMOL DEMO 500 mg, comprimé", "PARACÉTAMOL"), 5);

        var text = string.Join(" ", PrintedLines(PdfRenderer.Render(OrdonnanceBuilder.Build(prescription, patient, unit))));

        text.Should().NotContain("sécurisée").And.NotContain("Nombre de spécialités").And.NotContain("(cinq)");
        text.Should().Contain("PARACETAMOL DEMO 500 mg, comprimé : 1 gélule(s) le matin, prise devant l'infirmier, pendant 5 jours");
    }

    [Fact]
    public void The_units_phone_number_never_breaks_across_two_lines_whatever_comes_before_it()
    {
        // P15: the unit's name and address vary in length; one of these pushes the number to the end of a line.
        var drug = Product("99000003", "PARACETAMOL DEMO 500 mg, comprimé", "PARACÉTAMOL");
        foreach (var extra in Enumerable.Range(0, 40))
        {
            var (prescription, patient, unit) = Signed(drug, 5, "USMP de Fresnes" + new string('x', extra) + " bâtiment B");

            var lines = PrintedLines(PdfRenderer.Render(OrdonnanceBuilder.Build(prescription, patient, unit)));

            lines.Where(l => l.Contains("tél.", StringComparison.Ordinal)).Should().NotBeEmpty()
                .And.OnlyContain(l => l.Contains("tél. 01 23 45 67 89"), $"the number is cut with {extra} more letters");
        }
    }

    [Fact]
    public void A_draft_has_no_ordonnance()
    {
        var (_, patient, unit) = Signed(Product("99000003", "PARACETAMOL DEMO 500 mg, comprimé", "PARACÉTAMOL"), 5);
        var draft = Prescription.Draft(patient.Id, unit.Id, Team.Somatic, new Prescriber(Guid.NewGuid(), "Dr Anne Leroy", null), SignedAt);

        var build = () => OrdonnanceBuilder.Build(draft, patient, unit);

        build.Should().Throw<DomainException>().WithMessage("*signée*");
    }
}
