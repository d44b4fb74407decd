using UsmpCare.Domain.Patients;
using UsmpCare.Domain.Security;
using UsmpCare.Domain.Treatments;

namespace UsmpCare.Domain.Tests.Treatments;

/// <summary>Issue #20 points 6 and 7: what the round hands out, the TSO guard, missed doses, the pill-box's second check.</summary>
public sealed class DistributionTests
{
    private static readonly DateOnly Today = new(2026, 11, 23);
    private static readonly Guid Nurse = Guid.Parse("00000000-0000-0000-0000-0000000000b1");
    private static readonly Guid OtherNurse = Guid.Parse("00000000-0000-0000-0000-0000000000b2");
    private static readonly Patient Patient = new(Guid.NewGuid(), "24007", "ROND", "Paul", Today.AddYears(-40), Sex.Male, Today.AddDays(-30));

    private static Drug Product(string cis, string name, string substance)
    {
        var drug = new Drug(cis);
        drug.Update(name, "gélule", "orale", "Autorisation active", "Commercialisée",
            [new DrugSubstance("90001", substance, "40 mg", "une gélule", "SA")], [], name.ToLowerInvariant());
        return drug;
    }

    private static Prescription Signed(Drug drug, DistributionMode mode, DoseTimes times = DoseTimes.Morning, int startIn = -3)
    {
        var prescription = Prescription.Draft(Patient.Id, Patient.UnitId, Team.Somatic, new Prescriber(Instants.Author, "Dr Test", null), Instants.Monday);
        prescription.AddLine(PrescriptionLine.Create(new LineRequest(drug.Cis, null, 1, "gélule(s)", times, null, false, null,
            Today.AddDays(startIn), 14, null, mode, null), drug, DistributionMode.Daily), [], new AllergyRecord());
        prescription.Sign(Instants.Monday, false);
        return prescription;
    }

    private static readonly Drug Methadone = Product("99000012", "METHADONE AP-HP 40 mg, gélule", "CHLORHYDRATE DE MÉTHADONE");
    private static readonly Drug Amlodipine = Product("99000046", "AMLODIPINE DEMO 5 mg, gélule", "AMLODIPINE");

    private static Administration Record(Prescription prescription, AdministrationOutcome outcome, TsoConfirmation? tso = null,
        DateOnly? day = null, bool already = false) =>
        Administration.Record(Patient, Patient.UnitId, DistributionRound.Due([prescription], day ?? Today, RoundSlot.Morning),
            prescription.Id, 0, day ?? Today, RoundSlot.Morning, outcome, already, tso, Nurse, "Julie Lefèvre", Instants.Monday);

    [Fact]
    public void The_round_hands_out_supervised_and_daily_lines_of_its_slot_that_have_started_not_the_pill_box_nor_later_lines()
    {
        var supervised = Signed(Methadone, DistributionMode.Supervised);
        var pillBox = Signed(Amlodipine, DistributionMode.WeeklyPillBox);
        var held = Signed(Amlodipine, DistributionMode.HeldByPatient);
        var evening = Signed(Amlodipine, DistributionMode.Daily, DoseTimes.Evening);
        var tomorrow = Signed(Amlodipine, DistributionMode.Daily, startIn: 1);

        var due = DistributionRound.Due([supervised, pillBox, held, evening, tomorrow], Today, RoundSlot.Morning);

        due.Should().ContainSingle().Which.Prescription.Should().Be(supervised);
        due[0].IsSubstitution.Should().BeTrue();
        DistributionRound.Due([evening], Today, RoundSlot.Evening).Should().ContainSingle();
    }

    [Fact]
    public void A_line_not_due_that_day_or_another_units_patient_is_refused()
    {
        var tomorrow = Signed(Amlodipine, DistributionMode.Daily, startIn: 1);
        var daily = Signed(Amlodipine, DistributionMode.Daily);

        var act = () => Record(tomorrow, AdministrationOutcome.Given);
        act.Should().Throw<DomainException>().WithMessage("Ce traitement n'est pas à distribuer le 23/11/2026*");
        var elsewhere = () => Administration.Record(Patient, Guid.NewGuid(), DistributionRound.Due([daily], Today, RoundSlot.Morning),
            daily.Id, 0, Today, RoundSlot.Morning, AdministrationOutcome.Given, false, null, Nurse, "Julie", Instants.Monday);
        elsewhere.Should().Throw<DomainException>().WithMessage("Ce patient n'est pas présent dans l'unité de cette tournée*");
        var twice = () => Record(daily, AdministrationOutcome.Given, already: true);
        twice.Should().Throw<DomainException>().WithMessage("*déjà enregistrée*");
        Record(daily, AdministrationOutcome.Given).DrugName.Should().Be("AMLODIPINE DEMO 5 mg, gélule");
    }

    [Fact]
    public void A_tso_dose_is_given_only_once_confirmed_with_the_outside_prescriber_and_a_refusal_needs_no_confirmation()
    {
        var tso = Signed(Methadone, DistributionMode.Supervised);
        var confirmation = TsoConfirmation.Record(Patient, TsoStart.Continuation, "CSAPA Horizon", Instants.Monday.AddHours(-2),
            Nurse, "Julie", Instants.Monday);

        var unconfirmed = () => Record(tso, AdministrationOutcome.Given);
        unconfirmed.Should().Throw<DomainException>().WithMessage("Traitement de substitution : la dose doit d'abord être confirmée*");
        Record(tso, AdministrationOutcome.Refused).Missed.Should().BeTrue();
        var given = Record(tso, AdministrationOutcome.Given, confirmation);
        given.Substitution.Should().BeTrue();
        given.RecordedAt.Should().Be(Instants.Monday);
        given.Dose.Should().Be(1);
    }

    [Fact]
    public void A_tso_confirmation_says_with_whom_and_when_within_the_last_month()
    {
        var nobody = () => TsoConfirmation.Record(Patient, TsoStart.Initiation, " ", Instants.Monday, Nurse, "Julie", Instants.Monday);
        nobody.Should().Throw<DomainException>().Which.Problems.Should().Contain(p => p.StartsWith("Indiquez avec qui", StringComparison.Ordinal));
        var future = () => TsoConfirmation.Record(Patient, TsoStart.Initiation, "Dr X", Instants.Monday.AddHours(1), Nurse, "Julie", Instants.Monday);
        future.Should().Throw<DomainException>().Which.Problems.Should().ContainSingle(p => p.StartsWith("Indiquez quand", StringComparison.Ordinal));
    }

    [Fact]
    public void Supervised_doses_missed_in_a_row_reach_the_threshold_only_when_consecutive()
    {
        var tso = Signed(Methadone, DistributionMode.Supervised, startIn: -10);
        AdministrationOutcome[] outcomes = [AdministrationOutcome.Refused, AdministrationOutcome.Given, AdministrationOutcome.AbsentCourt,
            AdministrationOutcome.Refused];
        var doses = outcomes.Select((o, i) => Record(tso, o, o == AdministrationOutcome.Given
            ? TsoConfirmation.Record(Patient, TsoStart.Continuation, "CSAPA", Instants.Monday.AddHours(-1), Nurse, "Julie", Instants.Monday)
            : null, Today.AddDays(i - outcomes.Length + 1))).ToList();

        Administration.MissedInARow(doses).Should().Be(2);
        MissedDoses.Alerts(doses, 3).Should().BeEmpty();
        MissedDoses.Alerts(doses, 2).Should().ContainSingle().Which.Missed.Should().Be(2);
        var third = Record(tso, AdministrationOutcome.NotAvailable, day: Today.AddDays(1));
        MissedDoses.Alerts([.. doses, third], 3).Should().ContainSingle().Which.LastDay.Should().Be(Today.AddDays(1));
    }

    [Fact]
    public void A_pill_box_is_checked_by_another_nurse_once()
    {
        var lines = ActiveTreatment.Of([Signed(Amlodipine, DistributionMode.WeeklyPillBox)], Today);
        var box = PillBox.Prepare(Patient, Patient.UnitId, lines, Today, false, Nurse, "Julie", Instants.Monday);

        box.WeekOf.Should().Be(Today, "23/11/2026 is a Monday");
        var self = () => box.Check(Nurse, "Julie", Instants.Monday);
        self.Should().Throw<DomainException>().WithMessage("Le double contrôle est fait par un autre infirmier*");
        box.Check(OtherNurse, "Thomas", Instants.Monday);
        box.IsChecked.Should().BeTrue();
        var again = () => box.Check(OtherNurse, "Thomas", Instants.Monday);
        again.Should().Throw<DomainException>();
        var none = () => PillBox.Prepare(Patient, Patient.UnitId, ActiveTreatment.Of([Signed(Amlodipine, DistributionMode.Daily)], Today),
            Today, false, Nurse, "Julie", Instants.Monday);
        none.Should().Throw<DomainException>().WithMessage("*aucun traitement en pilulier*");
    }
}
