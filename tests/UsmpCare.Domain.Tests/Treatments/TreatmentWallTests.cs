using UsmpCare.Domain.Patients;
using UsmpCare.Domain.Security;
using UsmpCare.Domain.Treatments;

namespace UsmpCare.Domain.Tests.Treatments;

/// <summary>P30 on treatments: the other team's lines are walled off without sharing, yet still checked, anonymously.</summary>
public sealed class TreatmentWallTests
{
    private static readonly DateOnly Today = new(2026, 11, 23);
    private static readonly Guid PatientId = Guid.NewGuid();
    private static readonly Drug Zoloft = PrescriptionTests.Product("99000031", "ZOLOFT 50 mg, gélule", "SERTRALINE");
    private static readonly Drug GenericSertraline = PrescriptionTests.Product("99000090", "SERTRALINE DEMO 50 mg, gélule", "SERTRALINE");
    private static readonly Drug Paracetamol = PrescriptionTests.Product("99000003", "PARACETAMOL DEMO 500 mg, comprimé", "PARACÉTAMOL");

    private static PrescriptionLine Line(Drug drug, string? reason = null) => PrescriptionLine.Create(
        new LineRequest(drug.Cis, null, 1, "gélule(s)", DoseTimes.Morning, null, false, null, Today, 28, null, null, reason),
        drug, DistributionMode.Daily);

    private static Prescription Draft(Team team) =>
        Prescription.Draft(PatientId, Guid.NewGuid(), team, new Prescriber(Instants.Author, "Dr Test", null), Instants.Monday);

    /// <summary>The psychiatric team's signed sertraline, as a somatic prescriber (reading his own record only) sees it.</summary>
    private static WalledTreatment SeenBySomaticTeam(bool sharingAgreed)
    {
        var psychiatric = Draft(Team.Psychiatric);
        psychiatric.AddLine(Line(Zoloft), [], new AllergyRecord());
        psychiatric.Sign(Instants.Monday, replacedAlreadySuperseded: false);
        Team[] readable = sharingAgreed ? [Team.Somatic, Team.Psychiatric] : [Team.Somatic];
        return ActiveTreatment.Walled(ActiveTreatment.Of([psychiatric], Today), readable);
    }

    [Fact]
    public void Without_sharing_a_same_substance_line_of_the_other_team_warns_without_naming_the_drug()
    {
        var walled = SeenBySomaticTeam(sharingAgreed: false);

        var warnings = PrescribingChecks.Clashes(Line(GenericSertraline), walled.Visible.Select(a => a.Line), new AllergyRecord(),
            walled.Hidden);

        // Red when the wall goes (the line is visible: « … : ZOLOFT ») and when the hidden check goes (no warning).
        warnings.Should().Equal(PrescribingChecks.HiddenClash);
        warnings.Should().NotContain(w => w.Contains("ZOLOFT", StringComparison.OrdinalIgnoreCase));
        walled.Visible.Should().BeEmpty();
    }

    [Fact]
    public void With_sharing_the_other_team_s_line_is_seen_and_named()
    {
        var walled = SeenBySomaticTeam(sharingAgreed: true);

        var warnings = PrescribingChecks.Clashes(Line(GenericSertraline), walled.Visible.Select(a => a.Line), new AllergyRecord(),
            walled.Hidden);

        walled.Hidden.Should().BeEmpty();
        warnings.Should().Equal("Même substance qu'une ligne en cours : ZOLOFT 50 mg, gélule.");
    }

    [Fact]
    public void A_hidden_line_of_another_substance_raises_nothing_and_an_allergy_is_still_named()
    {
        var walled = SeenBySomaticTeam(sharingAgreed: false);
        var allergies = new AllergyRecord();
        allergies.Record(AllergenKind.Drug, "PARACÉTAMOL", "90003", "Urticaire", AllergySeverity.Moderate, "Dr Test", Instants.Monday);

        var warnings = PrescribingChecks.Clashes(Line(Paracetamol), [], allergies, walled.Hidden);

        // The allergy record is read by both teams (a safety matter): the allergen is named, the hidden line is not there.
        warnings.Should().Equal("Allergie connue du patient : « PARACÉTAMOL ».");
    }

    [Fact]
    public void A_line_clashing_with_a_hidden_one_needs_a_reason_and_is_kept_with_it()
    {
        var hidden = SeenBySomaticTeam(sharingAgreed: false).Hidden;
        var somatic = Draft(Team.Somatic);

        var refused = somatic.Invoking(p => p.AddLine(Line(GenericSertraline), [], new AllergyRecord(), hidden))
            .Should().Throw<DomainException>().Which.Problems;
        somatic.AddLine(Line(GenericSertraline, "Vu avec le Dr Benali (SMPR)"), [], new AllergyRecord(), hidden);

        refused.Should().Contain(PrescribingChecks.HiddenClash).And.NotContain(p => p.Contains("ZOLOFT"));
        somatic.Lines.Single().Reason.Should().Be("Vu avec le Dr Benali (SMPR)");
    }
}
