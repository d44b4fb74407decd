using UsmpCare.Domain.Patients;
using UsmpCare.Domain.Security;
using UsmpCare.Domain.Treatments;

namespace UsmpCare.Domain.Tests.Treatments;

public sealed class PrescriptionTests
{
    private static readonly DateOnly Today = new(2026, 11, 23);
    private static readonly Prescriber Doctor = new(Instants.Author, "Dr Test", "10001234567");

    private static Drug Methadone() => Product("99000012", "METHADONE AP-HP 40 mg, gélule", "CHLORHYDRATE DE MÉTHADONE");

    private static Drug Subutex() => Product("99000013", "SUBUTEX 8 mg, comprimé sublingual", "BUPRÉNORPHINE");

    private static Drug Paracetamol(string cis = "99000003") => Product(cis, "PARACETAMOL DEMO 500 mg, comprimé", "PARACÉTAMOL");

    internal static Drug Product(string cis, string name, string substance)
    {
        var drug = new Drug(cis);
        drug.Update(name, "gélule", "orale", "Autorisation active", "Commercialisée",
            [new DrugSubstance("90001", substance, "40 mg", "une gélule", "SA")], [], name.ToLowerInvariant());
        return drug;
    }

    private static LineRequest Request(string? cis = "99000012", decimal? dose = 1, string unit = "gélule(s)", int? days = 14,
        DateOnly? end = null, DoseTimes times = DoseTimes.Morning, DistributionMode? mode = null, string? reason = null) =>
        new(cis, null, dose, unit, times, null, false, null, Today, days, end, mode, reason);

    private static Prescription Draft() => Prescription.Draft(Guid.NewGuid(), Guid.NewGuid(), Team.Somatic, Doctor, Instants.Monday);

    private static Prescription Signed(Drug drug, LineRequest request)
    {
        var prescription = Draft();
        prescription.AddLine(PrescriptionLine.Create(request, drug, DistributionMode.Daily), [], new AllergyRecord());
        prescription.Sign(Instants.Monday, false);
        return prescription;
    }

    private static IEnumerable<string> Problems(Action act) =>
        act.Should().Throw<DomainException>().Which.Problems;

    [Fact]
    public void A_line_is_written_out_in_french_with_the_quantities_of_a_stupefiant_in_letters()
    {
        var line = PrescriptionLine.Create(Request(mode: DistributionMode.Supervised), Methadone(), DistributionMode.Daily);

        line.Narcotic.Should().BeTrue();
        line.Describe().Should().Be("METHADONE AP-HP 40 mg, gélule : 1 gélule(s) le matin, prise devant l'infirmier, pendant 14 jours, du 23/11/2026 au 06/12/2026");
        line.Describe(inLetters: true).Should().Contain("1 (un) gélule(s)").And.Contain("pendant 14 (quatorze) jours");
    }

    [Theory]
    [InlineData(15, "La méthadone se prescrit pour 14 jours au plus")]
    [InlineData(29, "La buprénorphine se prescrit pour 28 jours au plus")]
    public void A_stupefiant_beyond_its_maximum_duration_is_refused(int days, string message)
    {
        var drug = message.Contains("méthadone") ? Methadone() : Subutex();

        Problems(() => PrescriptionLine.Create(Request(drug.Cis, days: days), drug, DistributionMode.Daily))
            .Should().ContainSingle(p => p.StartsWith(message));
        PrescriptionLine.Create(Request(drug.Cis, days: days - 1), drug, DistributionMode.Daily).Days.Should().Be(days - 1);
    }

    [Fact]
    public void An_ordinary_drug_is_not_limited_like_a_stupefiant() =>
        PrescriptionLine.Create(Request("99000003", days: 60), Paracetamol(), DistributionMode.Daily).Narcotic.Should().BeFalse();

    [Theory]
    [InlineData(0, "gélule(s)", "La dose doit être supérieure à zéro.")]
    [InlineData(-2, "gélule(s)", "La dose doit être supérieure à zéro.")]
    [InlineData(50, "gélule(s)", "invraisemblable")]
    [InlineData(40000, "mg", "invraisemblable")]
    [InlineData(1, "poignée", "Choisissez l'unité de la dose dans la liste.")]
    public void A_dose_of_zero_or_an_absurd_dose_is_refused(decimal dose, string unit, string message) =>
        Problems(() => PrescriptionLine.Create(Request(dose: dose, unit: unit), Methadone(), DistributionMode.Daily))
            .Should().ContainSingle(p => p.Contains(message));

    [Fact]
    public void An_end_before_the_start_is_refused() =>
        Problems(() => PrescriptionLine.Create(Request(days: null, end: Today.AddDays(-1)), Methadone(), DistributionMode.Daily))
            .Should().Equal("La date de fin précède la date de début.");

    [Fact]
    public void An_unknown_drug_code_is_refused_and_free_text_is_marked_out_of_the_referential()
    {
        Problems(() => PrescriptionLine.Create(Request("99999999"), null, DistributionMode.Daily))
            .Should().ContainSingle(p => p.Contains("inconnu du référentiel"));

        var free = PrescriptionLine.Create(Request(cis: null) with { FreeText = "Préparation magistrale" }, null, DistributionMode.Daily);

        free.OutOfReferential.Should().BeTrue();
        free.Describe().Should().StartWith("Préparation magistrale (hors référentiel) :");
    }

    [Fact]
    public void As_needed_needs_a_daily_maximum_and_otherwise_times_or_a_frequency_are_needed()
    {
        Problems(() => PrescriptionLine.Create(Request(times: DoseTimes.None) with { AsNeeded = true }, Paracetamol(), DistributionMode.Daily))
            .Should().ContainSingle(p => p.Contains("nombre maximal de prises par jour"));
        Problems(() => PrescriptionLine.Create(Request(times: DoseTimes.None), Paracetamol(), DistributionMode.Daily))
            .Should().ContainSingle(p => p.Contains("moments de prise"));

        PrescriptionLine.Create(Request(times: DoseTimes.None) with { AsNeeded = true, MaxPerDay = 3 }, Paracetamol(), DistributionMode.Daily)
            .Describe().Should().Contain("si besoin, au plus 3 prise(s) par jour");
        PrescriptionLine.Create(Request(times: DoseTimes.Morning | DoseTimes.Evening | DoseTimes.Bedtime), Paracetamol(), DistributionMode.Daily)
            .Describe().Should().Contain("le matin, le soir et au coucher");
    }

    [Fact]
    public void The_units_default_mode_applies_unless_the_prescriber_chooses_one()
    {
        var defaults = new DistributionDefaults(Guid.NewGuid());
        DistributionDefaults.ClassOf(["CHLORHYDRATE DE MÉTHADONE"]).Should().Be(DrugClass.Substitution);
        defaults.ModeFor(DrugClass.Substitution).Should().Be(DistributionMode.Supervised);
        defaults.ModeFor(DrugClass.Antipsychotic).Should().Be(DistributionMode.Daily);
        defaults.Set(DrugClass.Antipsychotic, DistributionMode.Supervised);
        defaults.ModeFor(DrugClass.Antipsychotic).Should().Be(DistributionMode.Supervised);

        PrescriptionLine.Create(Request(), Methadone(), defaults.ModeFor(DrugClass.Substitution)).Mode.Should().Be(DistributionMode.Supervised);
        PrescriptionLine.Create(Request(mode: DistributionMode.WeeklyPillBox), Methadone(), DistributionMode.Supervised)
            .Mode.Should().Be(DistributionMode.WeeklyPillBox);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(11)]
    [InlineData(-3)]
    public void The_missed_dose_threshold_goes_from_one_to_ten_and_a_refused_value_changes_nothing(int count)
    {
        var defaults = new DistributionDefaults(Guid.NewGuid());
        defaults.AlertAfterMissedDoses(10);
        Problems(() => defaults.AlertAfterMissedDoses(count))
            .Should().Contain("Le nombre de doses supervisées manquées qui alerte le prescripteur va de 1 à 10.");
        defaults.MissedDosesBeforeAlert.Should().Be(10);
        defaults.AlertAfterMissedDoses(1);
        defaults.MissedDosesBeforeAlert.Should().Be(1);
    }

    [Fact]
    public void A_second_line_of_the_same_substance_needs_a_reason_which_the_line_keeps()
    {
        var active = Signed(Methadone(), Request());
        var draft = Draft();
        var again = Product("99000010", "METHADONE AP-HP 20 mg, sirop", "CHLORHYDRATE DE MÉTHADONE");

        Problems(() => draft.AddLine(PrescriptionLine.Create(Request("99000010"), again, DistributionMode.Daily), active.Lines, new AllergyRecord()))
            .Should().Contain("Même substance qu'une ligne en cours : METHADONE AP-HP 40 mg, gélule.");
        draft.Lines.Should().BeEmpty();

        draft.AddLine(PrescriptionLine.Create(Request("99000010", reason: "Palier de 20 mg ajouté"), again, DistributionMode.Daily), active.Lines, new AllergyRecord());

        draft.Lines.Should().ContainSingle().Which.Reason.Should().Be("Palier de 20 mg ajouté");
    }

    [Fact]
    public void An_allergy_of_the_patient_matched_without_accents_or_case_needs_a_reason()
    {
        var draft = Draft();

        Problems(() => draft.AddLine(PrescriptionLine.Create(Request("99000003"), Paracetamol(), DistributionMode.Daily), [], Allergic("PARACETAMOL")))
            .Should().Contain("Allergie connue du patient : « PARACETAMOL ».");
        draft.AddLine(PrescriptionLine.Create(Request("99000003"), Paracetamol(), DistributionMode.Daily), [], Allergic("Pénicilline"));
        draft.Lines.Should().ContainSingle().Which.Reason.Should().BeNull("no warning, no reason kept");
    }

    [Fact]
    public void A_signed_prescription_refuses_any_change_and_a_draft_without_lines_cannot_be_signed()
    {
        Problems(() => Draft().Sign(Instants.Monday, false)).Should().Equal("Ajoutez au moins une ligne avant de signer l'ordonnance.");
        var signed = Signed(Methadone(), Request());

        Problems(() => signed.AddLine(PrescriptionLine.Create(Request("99000003"), Paracetamol(), DistributionMode.Daily), [], new AllergyRecord()))
            .Should().ContainSingle(p => p.StartsWith("Une ordonnance signée ne se modifie plus"));
        Problems(() => signed.RemoveLine(0)).Should().ContainSingle(p => p.StartsWith("Une ordonnance signée"));
        Problems(() => signed.Sign(Instants.Monday, false)).Should().ContainSingle(p => p.StartsWith("Une ordonnance signée"));
        Problems(() => signed.Abandon()).Should().ContainSingle(p => p.StartsWith("Une ordonnance signée"));
        signed.Lines.Should().ContainSingle();
        typeof(Prescription).GetProperties().Where(p => p.SetMethod?.IsPublic == true).Should().BeEmpty();
        typeof(PrescriptionLine).GetProperties().Where(p => p.SetMethod?.IsPublic == true)
            .Should().OnlyContain(p => p.SetMethod!.ReturnParameter.GetRequiredCustomModifiers().Contains(typeof(System.Runtime.CompilerServices.IsExternalInit)));
    }

    [Fact]
    public void Modify_renew_and_stop_write_new_versions_and_the_active_list_follows_the_latest()
    {
        var first = Signed(Methadone(), Request(mode: DistributionMode.Supervised));
        ActiveTreatment.Of([first], Today).Should().ContainSingle().Which.Prescription.Should().Be(first);

        var modified = first.Modify(Team.Somatic, Doctor, Instants.Monday.AddHours(1));
        modified.ReplacesId.Should().Be(first.Id);
        modified.Status.Should().Be(PrescriptionStatus.Draft);
        modified.Lines.Should().ContainSingle().Which.Describe().Should().Be(first.Lines[0].Describe());
        ActiveTreatment.Of([first, modified], Today).Should().ContainSingle().Which.Prescription.Should().Be(first, "a draft supersedes nothing");
        modified.Sign(Instants.Monday.AddHours(1), false);
        ActiveTreatment.Of([first, modified], Today).Should().ContainSingle().Which.Prescription.Should().Be(modified);
        first.Lines.Should().ContainSingle("the old version is untouched");

        var renewed = modified.Renew(Team.Somatic, Doctor, Instants.Monday, Today.AddDays(10));
        renewed.Lines.Single().Start.Should().Be(Today.AddDays(10));
        renewed.Lines.Single().Days.Should().Be(14);

        Problems(() => modified.Stop(Team.Somatic, Doctor, Instants.Monday, " ")).Should().Equal("Indiquez le motif de l'arrêt du traitement.");
        Problems(() => modified.Modify(Team.Psychiatric, Doctor, Instants.Monday)).Should().ContainSingle(p => p.Contains("l'équipe qui a prescrit"));
        var stop = modified.Stop(Team.Somatic, Doctor, Instants.Monday.AddHours(2), "Relais par le CSAPA");
        stop.IsSigned.Should().BeTrue();
        stop.StopReason.Should().Be("Relais par le CSAPA");
        ActiveTreatment.Of([first, modified, stop], Today).Should().BeEmpty();
        Problems(() => stop.Renew(Team.Somatic, Doctor, Instants.Monday, Today)).Should().ContainSingle(p => p.StartsWith("Seule une ordonnance signée et en cours"));
    }

    [Fact]
    public void A_second_version_of_an_already_superseded_prescription_cannot_be_signed()
    {
        var first = Signed(Methadone(), Request());
        var late = first.Modify(Team.Somatic, Doctor, Instants.Monday);

        Problems(() => late.Sign(Instants.Monday, replacedAlreadySuperseded: true)).Should().ContainSingle(p => p.Contains("a déjà été modifiée"));
        late.IsSigned.Should().BeFalse();
    }

    [Fact]
    public void Ended_lines_leave_the_active_list_and_those_ending_within_seven_days_are_flagged()
    {
        var ending = Signed(Paracetamol(), Request("99000003", days: 7));
        var lasting = Signed(Paracetamol("99000001"), Request("99000001", days: 8));

        var active = ActiveTreatment.Of([ending, lasting], Today);

        active.Should().HaveCount(2);
        active.Single(a => a.Prescription == ending).EndsSoon.Should().BeTrue();
        active.Single(a => a.Prescription == lasting).EndsSoon.Should().BeFalse();
        ActiveTreatment.Of([ending, lasting], Today.AddDays(7)).Should().ContainSingle().Which.Prescription.Should().Be(lasting);
    }

    private static AllergyRecord Allergic(string substance)
    {
        var record = new AllergyRecord();
        record.Record(AllergenKind.Drug, substance, "S-" + substance, null, AllergySeverity.Moderate, "Dr Durand", DateTimeOffset.Parse("2026-11-02T09:00:00+01:00"));
        return record;
    }
}
