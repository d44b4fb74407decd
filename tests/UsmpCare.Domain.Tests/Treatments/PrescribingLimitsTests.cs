using UsmpCare.Domain.Patients;
using UsmpCare.Domain.Security;
using UsmpCare.Domain.Treatments;

namespace UsmpCare.Domain.Tests.Treatments;

/// <summary>
/// The limits of a prescription line at their edges (dose, frequency, duration, mode), the secured ordonnance, the
/// same-substance check on a product of several substances, the unit's defaults and the referential's codes. Each test
/// kills a mutant of the 2026-12-06 Stryker run over Treatments (docs/deontology-matrix.md).
/// </summary>
public sealed class PrescribingLimitsTests
{
    private static readonly DateOnly Today = new(2026, 11, 23);

    private static Drug Methadone() => PrescriptionTests.Product("99000012", "METHADONE AP-HP 40 mg, gélule", "CHLORHYDRATE DE MÉTHADONE");

    private static Drug Paracetamol() => PrescriptionTests.Product("99000003", "PARACETAMOL DEMO 500 mg, comprimé", "PARACÉTAMOL");

    private static LineRequest Request(decimal? dose = 1, string unit = "gélule(s)", DoseTimes times = DoseTimes.Morning,
        int? perDay = null, bool asNeeded = false, decimal? maxPerDay = null, int? days = 14, DateOnly? end = null,
        DistributionMode? mode = null, string? reason = null) =>
        new("99000003", null, dose, unit, times, perDay, asNeeded, maxPerDay, Today, days, end, mode, reason);

    private static PrescriptionLine Line(LineRequest request, Drug? drug = null) =>
        PrescriptionLine.Create(request, drug ?? Paracetamol(), DistributionMode.Daily);

    private static IEnumerable<string> Problems(LineRequest request, Drug? drug = null)
    {
        var act = () => Line(request, drug);
        return act.Should().Throw<DomainException>().Which.Problems;
    }

    private static Prescription Draft() =>
        Prescription.Draft(Guid.NewGuid(), Guid.NewGuid(), Team.Somatic, new Prescriber(Instants.Author, "Dr Test", null), Instants.Monday);

    [Fact]
    public void The_largest_plausible_dose_of_a_unit_is_accepted_and_the_next_refused()
    {
        Line(Request(dose: 20)).Dose.Should().Be(20);
        Problems(Request(dose: 20.5m)).Should().ContainSingle(p => p.Contains("invraisemblable (au plus 20 gélule(s))"));
    }

    [Fact]
    public void A_line_names_a_drug_of_the_referential_or_one_in_free_text()
    {
        var empty = Request() with { Cis = "" };
        var nothing = () => PrescriptionLine.Create(empty, null, DistributionMode.Daily);
        nothing.Should().Throw<DomainException>().Which.Problems.Should().Equal("Choisissez un médicament du référentiel, ou écrivez-le en texte libre (hors référentiel).");
        PrescriptionLine.Create(empty with { FreeText = " Préparation magistrale " }, null, DistributionMode.Daily).DrugName
            .Should().Be("Préparation magistrale");
    }

    [Fact]
    public void A_time_of_day_off_the_list_or_a_mode_off_the_list_is_refused()
    {
        Problems(Request(times: (DoseTimes)16)).Should().Equal("Moment de prise inconnu.");
        Problems(Request(mode: (DistributionMode)9)).Should().Equal("Mode de distribution inconnu.");
    }

    [Theory]
    [InlineData(1, true)]
    [InlineData(24, true)]
    [InlineData(0, false)]
    [InlineData(25, false)]
    public void As_needed_allows_one_to_twenty_four_doses_a_day(int max, bool accepted)
    {
        var request = Request(times: DoseTimes.None, asNeeded: true, maxPerDay: max);
        if (accepted)
        {
            Line(request).MaxPerDay.Should().Be(max);
        }
        else
        {
            Problems(request).Should().Equal("Un traitement « si besoin » indique le nombre maximal de prises par jour (1 à 24).");
        }
    }

    [Theory]
    [InlineData(1, true)]
    [InlineData(24, true)]
    [InlineData(0, false)]
    [InlineData(25, false)]
    public void A_frequency_is_one_to_twenty_four_doses_a_day(int perDay, bool accepted)
    {
        var request = Request(times: DoseTimes.None, perDay: perDay);
        if (accepted)
        {
            Line(request).TimesPerDay.Should().Be(perDay);
        }
        else
        {
            Problems(request).Should().ContainSingle(p => p.StartsWith("Indiquez les moments de prise", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void A_line_keeps_either_its_times_its_frequency_or_its_as_needed_maximum()
    {
        var asNeeded = Line(Request(times: DoseTimes.Morning, perDay: 3, asNeeded: true, maxPerDay: 4));
        asNeeded.Times.Should().Be(DoseTimes.None);
        asNeeded.TimesPerDay.Should().BeNull();
        asNeeded.MaxPerDay.Should().Be(4);

        var timed = Line(Request(times: DoseTimes.Noon, perDay: 3, maxPerDay: 4));
        timed.Times.Should().Be(DoseTimes.Noon);
        timed.TimesPerDay.Should().BeNull();
        timed.MaxPerDay.Should().BeNull();
        timed.Describe().Should().Contain(": 1 gélule(s) le midi,");

        var byFrequency = Line(Request(times: DoseTimes.None, perDay: 3));
        byFrequency.TimesPerDay.Should().Be(3);
        byFrequency.Describe().Should().Contain(": 1 gélule(s) 3 fois par jour,");
    }

    [Fact]
    public void A_line_lasts_from_one_day_to_a_year_given_by_a_duration_or_an_end_date()
    {
        var oneDay = Line(Request(days: 1));
        oneDay.Days.Should().Be(1);
        oneDay.Describe().Should().EndWith("pendant 1 jour, du 23/11/2026 au 23/11/2026");
        Line(Request(days: null, end: Today)).End.Should().Be(Today);
        Line(Request(days: 365)).Days.Should().Be(365);

        Problems(Request(days: 0)).Should().Equal("La durée doit être d'au moins un jour.");
        Problems(Request(days: null)).Should().Equal("Indiquez une durée ou une date de fin.");
        Problems(Request(days: 366)).Should().Equal("Une prescription ne dépasse pas un an : renouvelez-la à son terme.");
    }

    [Fact]
    public void The_shortest_maximum_duration_of_the_stupefiants_named_applies()
    {
        Narcotics.MaxDays(["MORPHINE", "CHLORHYDRATE DE MÉTHADONE"]).Should().Be(("La méthadone", 14));
        Narcotics.MaxDays(["PARACÉTAMOL"]).Should().BeNull();
    }

    [Fact]
    public void An_ordonnance_with_one_stupefiant_line_among_others_takes_the_secured_layout()
    {
        var prescription = Draft();
        prescription.AddLine(Line(Request()), [], new AllergyRecord());
        prescription.Secured.Should().BeFalse();
        prescription.AddLine(Line(Request() with { Cis = "99000012" }, Methadone()), [], new AllergyRecord());

        prescription.Secured.Should().BeTrue();
    }

    [Fact]
    public void A_reason_given_without_any_warning_is_not_kept()
    {
        var prescription = Draft();

        prescription.AddLine(Line(Request(reason: "par précaution")), [], new AllergyRecord());

        prescription.Lines.Single().Reason.Should().BeNull();
    }

    [Fact]
    public void Only_a_line_still_on_the_draft_is_removed()
    {
        var prescription = Draft();
        prescription.AddLine(Line(Request()), [], new AllergyRecord());

        foreach (var index in new[] { -1, 1 })
        {
            var act = () => prescription.RemoveLine(index);
            act.Should().Throw<DomainException>().WithMessage("Cette ligne n'existe plus sur l'ordonnance.");
        }
        prescription.RemoveLine(0);
        prescription.Lines.Should().BeEmpty();
    }

    [Fact]
    public void A_product_sharing_one_of_its_substances_with_an_active_line_warns()
    {
        var combined = new Drug("99000077");
        combined.Update("CODOLIPRANE DEMO, comprimé", "comprimé", "orale", "Autorisation active", "Commercialisée",
            [new DrugSubstance("90003", "PARACÉTAMOL", "400 mg", "un comprimé", "SA"),
             new DrugSubstance("90004", "PHOSPHATE DE CODÉINE", "20 mg", "un comprimé", "SA")], [], "codoliprane");
        var active = Line(Request() with { Cis = "99000077" }, combined);

        PrescribingChecks.Clashes(Line(Request()), [active], new AllergyRecord())
            .Should().Equal("Même substance qu'une ligne en cours : CODOLIPRANE DEMO, comprimé.");
    }

    [Theory]
    [InlineData(0, false)]
    [InlineData(1, true)]
    [InlineData(10, true)]
    [InlineData(11, false)]
    public void The_missed_doses_alert_is_set_between_one_and_ten(int count, bool accepted)
    {
        var defaults = new DistributionDefaults(Guid.NewGuid());
        var act = () => defaults.AlertAfterMissedDoses(count);
        if (accepted)
        {
            act();
            defaults.MissedDosesBeforeAlert.Should().Be(count);
        }
        else
        {
            act.Should().Throw<DomainException>().WithMessage("*va de 1 à 10.");
            defaults.MissedDosesBeforeAlert.Should().Be(DistributionDefaults.DefaultMissedDosesBeforeAlert);
        }
    }

    [Fact]
    public void A_units_default_mode_replaces_only_its_class_and_takes_only_listed_values()
    {
        var defaults = new DistributionDefaults(Guid.NewGuid());
        defaults.Set(DrugClass.Benzodiazepine, DistributionMode.Supervised);
        defaults.Set(DrugClass.Antipsychotic, DistributionMode.Supervised);
        defaults.Set(DrugClass.Benzodiazepine, DistributionMode.WeeklyPillBox);

        defaults.Modes.Should().HaveCount(2);
        defaults.ModeFor(DrugClass.Benzodiazepine).Should().Be(DistributionMode.WeeklyPillBox);
        defaults.ModeFor(DrugClass.Antipsychotic).Should().Be(DistributionMode.Supervised);
        var unknownClass = () => defaults.Set((DrugClass)99, DistributionMode.Daily);
        unknownClass.Should().Throw<DomainException>().WithMessage("Classe de médicament ou mode de distribution inconnu.");
        var unknownMode = () => defaults.Set(DrugClass.Other, (DistributionMode)99);
        unknownMode.Should().Throw<DomainException>().WithMessage("Classe de médicament ou mode de distribution inconnu.");
        defaults.Modes.Should().HaveCount(2);
    }

    [Fact]
    public void A_products_class_comes_from_any_of_its_substances() =>
        DistributionDefaults.ClassOf(["PARACÉTAMOL", "DIAZÉPAM"]).Should().Be(DrugClass.Benzodiazepine);

    [Theory]
    [InlineData("1234567")]
    [InlineData("123456789")]
    [InlineData("1234567A")]
    [InlineData("A2345678")]
    public void A_cis_code_is_eight_digits(string cis)
    {
        var act = () => new Drug(cis);
        act.Should().Throw<DomainException>().WithMessage($"Code CIS « {cis} » invalide : huit chiffres attendus.");
    }

    [Fact]
    public void A_demo_product_says_so_and_a_real_one_shows_its_name()
    {
        PrescriptionTests.Product("99000003", "PARACETAMOL DEMO", "PARACÉTAMOL").Label.Should().Be("PARACETAMOL DEMO (code de démonstration)");
        PrescriptionTests.Product("61234567", "DOLIPRANE 500 mg", "PARACÉTAMOL").Label.Should().Be("DOLIPRANE 500 mg");
    }

    [Fact]
    public void A_reimport_rewrites_a_product_only_when_one_of_its_fields_differs()
    {
        DrugSubstance[] substances = [new("90001", "PARACÉTAMOL", "500 mg", "un comprimé", "SA")];
        DrugPresentation[] boxes = [new("3400001", "3400000000001", "boîte de 16")];
        var drug = new Drug("61234567");
        drug.Update("DOLIPRANE", "comprimé", "orale", "active", "commercialisée", substances, boxes, "doliprane").Should().BeTrue();

        drug.Update("DOLIPRANE", "comprimé", "orale", "active", "commercialisée", substances, boxes, "doliprane").Should().BeFalse();
        drug.Update("DOLIPRANE 2", "comprimé", "orale", "active", "commercialisée", substances, boxes, "doliprane").Should().BeTrue();
        drug.Update("DOLIPRANE 2", "gélule", "orale", "active", "commercialisée", substances, boxes, "doliprane").Should().BeTrue();
        drug.Update("DOLIPRANE 2", "gélule", "rectale", "active", "commercialisée", substances, boxes, "doliprane").Should().BeTrue();
        drug.Update("DOLIPRANE 2", "gélule", "rectale", "retirée", "commercialisée", substances, boxes, "doliprane").Should().BeTrue();
        drug.Update("DOLIPRANE 2", "gélule", "rectale", "retirée", "arrêtée", substances, boxes, "doliprane").Should().BeTrue();
        drug.Update("DOLIPRANE 2", "gélule", "rectale", "retirée", "arrêtée", substances, boxes, "doliprane 2").Should().BeTrue();
        drug.Update("DOLIPRANE 2", "gélule", "rectale", "retirée", "arrêtée", [], boxes, "doliprane 2").Should().BeTrue();
        drug.Update("DOLIPRANE 2", "gélule", "rectale", "retirée", "arrêtée", [], [], "doliprane 2").Should().BeTrue();
        drug.Update("DOLIPRANE 2", "gélule", "rectale", "retirée", "arrêtée", [], [], "doliprane 2").Should().BeFalse();
        drug.Routes.Should().Be("rectale");
        drug.MarketingStatus.Should().Be("arrêtée");
    }

    [Fact]
    public void A_remark_of_exactly_the_maximum_length_is_kept()
    {
        var prescription = Draft();
        prescription.AddLine(Line(Request()), [], new AllergyRecord());
        prescription.Sign(Instants.Monday, false);
        var longest = new string('x', PrescriptionValidation.RemarkMaxLength);

        PrescriptionValidation.Of(prescription, false, ValidationVerdict.Remark, longest, Guid.NewGuid(), "Inès", Instants.Monday)
            .Remark.Should().Be(longest);
        PrescriptionValidation.Label(ValidationVerdict.Validated).Should().Be("Validée");
        PrescriptionValidation.Label(ValidationVerdict.Remark).Should().Be("Remarque");
    }
}
