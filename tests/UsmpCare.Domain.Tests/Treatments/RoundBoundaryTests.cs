using UsmpCare.Domain.Patients;
using UsmpCare.Domain.Security;
using UsmpCare.Domain.Treatments;

namespace UsmpCare.Domain.Tests.Treatments;

/// <summary>
/// Issue #20 points 6 and 7, at their edges: the round's first day, the dose recorded against the right line, the TSO
/// confirmation's instant, the pill-box's week and unit, the TSO relay at release. Each test kills a mutant of the
/// 2026-12-06 Stryker run over Treatments (docs/deontology-matrix.md).
/// </summary>
public sealed class RoundBoundaryTests
{
    private static readonly DateOnly Today = new(2026, 11, 23);
    private static readonly Guid Nurse = Guid.Parse("00000000-0000-0000-0000-0000000000b1");
    private static readonly Patient Patient = new(Guid.NewGuid(), "24008", "BORD", "Luc", Today.AddYears(-35), Sex.Male, Today.AddDays(-30));

    private static readonly Drug Methadone = PrescriptionTests.Product("99000012", "METHADONE AP-HP 40 mg, gélule", "CHLORHYDRATE DE MÉTHADONE");
    private static readonly Drug Amlodipine = PrescriptionTests.Product("99000046", "AMLODIPINE DEMO 5 mg, gélule", "AMLODIPINE");
    private static readonly Drug Paracetamol = PrescriptionTests.Product("99000003", "PARACETAMOL DEMO 500 mg, comprimé", "PARACÉTAMOL");

    private static Prescription Signed(Drug drug, DistributionMode mode, DoseTimes times = DoseTimes.Morning, int startIn = -3)
    {
        var prescription = Prescription.Draft(Patient.Id, Patient.UnitId, Team.Somatic, new Prescriber(Instants.Author, "Dr Test", null), Instants.Monday);
        prescription.AddLine(PrescriptionLine.Create(new LineRequest(drug.Cis, null, 1, "gélule(s)", times, null, false, null,
            Today.AddDays(startIn), 14, null, mode, null), drug, DistributionMode.Daily), [], new AllergyRecord());
        prescription.Sign(Instants.Monday, false);
        return prescription;
    }

    private static Administration Record(IReadOnlyList<DueDose> due, Prescription prescription, AdministrationOutcome outcome,
        RoundSlot slot = RoundSlot.Morning, TsoConfirmation? tso = null, DateTimeOffset? at = null) =>
        Administration.Record(Patient, Patient.UnitId, due, prescription.Id, 0, Today, slot, outcome, false, tso, Nurse, "Julie",
            at ?? Instants.Monday);

    private static TsoConfirmation Confirmed(DateTimeOffset at, DateTimeOffset now) =>
        TsoConfirmation.Record(Patient, TsoStart.Continuation, "CSAPA Horizon", at, Nurse, "Julie", now);

    [Fact]
    public void A_line_starting_today_is_handed_out_at_todays_round()
    {
        var starting = Signed(Amlodipine, DistributionMode.Daily, startIn: 0);

        DistributionRound.Due([starting], Today, RoundSlot.Morning).Should().ContainSingle();
    }

    [Fact]
    public void A_dose_is_recorded_against_the_line_named_not_another_due_at_the_same_round()
    {
        var amlodipine = Signed(Amlodipine, DistributionMode.Daily);
        var paracetamol = Signed(Paracetamol, DistributionMode.Daily);
        var due = DistributionRound.Due([amlodipine, paracetamol], Today, RoundSlot.Morning);

        Record(due, paracetamol, AdministrationOutcome.Given).DrugName.Should().Be("PARACETAMOL DEMO 500 mg, comprimé");
        Record(due, amlodipine, AdministrationOutcome.Given).DrugName.Should().Be("AMLODIPINE DEMO 5 mg, gélule");
    }

    [Fact]
    public void An_outcome_off_the_list_is_refused()
    {
        var daily = Signed(Amlodipine, DistributionMode.Daily);

        var act = () => Record(DistributionRound.Due([daily], Today, RoundSlot.Morning), daily, (AdministrationOutcome)42);

        act.Should().Throw<DomainException>().WithMessage("Résultat de distribution inconnu.");
    }

    [Fact]
    public void A_tso_dose_may_be_given_at_the_instant_of_its_confirmation_but_not_before()
    {
        var tso = Signed(Methadone, DistributionMode.Supervised);
        var due = DistributionRound.Due([tso], Today, RoundSlot.Morning);
        var confirmedLater = Confirmed(Instants.Monday.AddHours(1), Instants.Monday.AddHours(2));

        var before = () => Record(due, tso, AdministrationOutcome.Given, tso: confirmedLater);
        before.Should().Throw<DomainException>().WithMessage("Traitement de substitution : la dose doit d'abord être confirmée*");
        Record(due, tso, AdministrationOutcome.Given, tso: confirmedLater, at: Instants.Monday.AddHours(1)).Outcome
            .Should().Be(AdministrationOutcome.Given);
    }

    [Fact]
    public void Missed_doses_are_counted_back_from_the_latest_round_of_the_latest_day()
    {
        var twice = Signed(Amlodipine, DistributionMode.Supervised, DoseTimes.Morning | DoseTimes.Evening);
        var morning = Record(DistributionRound.Due([twice], Today, RoundSlot.Morning), twice, AdministrationOutcome.Given);
        var evening = Record(DistributionRound.Due([twice], Today, RoundSlot.Evening), twice, AdministrationOutcome.Refused, RoundSlot.Evening);

        Administration.MissedInARow([morning, evening]).Should().Be(1);
        Administration.MissedInARow([evening, morning]).Should().Be(1);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(2)]
    [InlineData(6)]
    public void A_pill_box_covers_the_week_from_its_monday(int daysAfterMonday)
    {
        PillBox.MondayOf(Today.AddDays(daysAfterMonday)).Should().Be(Today);
        PillBox.MondayOf(Today.AddDays(daysAfterMonday + 7)).Should().Be(Today.AddDays(7));
    }

    [Fact]
    public void A_pill_box_is_prepared_once_a_week_for_a_patient_of_the_nurses_unit()
    {
        var lines = ActiveTreatment.Of([Signed(Amlodipine, DistributionMode.WeeklyPillBox)], Today);

        var elsewhere = () => PillBox.Prepare(Patient, Guid.NewGuid(), lines, Today, false, Nurse, "Julie", Instants.Monday);
        elsewhere.Should().Throw<DomainException>().WithMessage("Ce patient n'est pas présent dans votre unité*");
        var twice = () => PillBox.Prepare(Patient, Patient.UnitId, lines, Today, true, Nurse, "Julie", Instants.Monday);
        twice.Should().Throw<DomainException>().WithMessage("Le pilulier de la semaine du 23/11/2026 est déjà préparé.");
        var box = PillBox.Prepare(Patient, Patient.UnitId, lines, Today.AddDays(3), false, Nurse, "Julie", Instants.Monday);
        box.WeekOf.Should().Be(Today);
        box.Contents.Should().StartWith("AMLODIPINE DEMO 5 mg, gélule : 1 gélule(s) le matin, pilulier hebdomadaire");
    }

    [Fact]
    public void A_tso_confirmation_keeps_who_and_when_and_may_be_recorded_at_the_instant_it_happened()
    {
        var confirmation = TsoConfirmation.Record(Patient, TsoStart.Initiation, "  Dr Martin, CSAPA  ", Instants.Monday, Nurse,
            "Julie", Instants.Monday);

        confirmation.Start.Should().Be(TsoStart.Initiation);
        confirmation.ConfirmedWith.Should().Be("Dr Martin, CSAPA");
        confirmation.ConfirmedAt.Should().Be(Instants.Monday);
        confirmation.PatientId.Should().Be(Patient.Id);
        TsoConfirmation.Label(TsoStart.Initiation).Should().Be("Initiation en détention");
        TsoConfirmation.Label(TsoStart.Continuation).Should().Be("Poursuite d'un traitement extérieur");
        TsoConfirmation.Record(Patient, TsoStart.Continuation, "CSAPA", Instants.Monday.AddDays(-30), Nurse, "Julie", Instants.Monday)
            .ConfirmedAt.Should().Be(Instants.Monday.AddDays(-30), "the last 30 days include the 30th");
        var older = () => TsoConfirmation.Record(Patient, TsoStart.Continuation, "CSAPA", Instants.Monday.AddDays(-30).AddMinutes(-1),
            Nurse, "Julie", Instants.Monday);
        older.Should().Throw<DomainException>();
        var unknown = () => TsoConfirmation.Record(Patient, (TsoStart)7, "Dr Martin", Instants.Monday, Nurse, "Julie", Instants.Monday);
        unknown.Should().Throw<DomainException>().Which.Problems.Should().Equal("Indiquez s'il s'agit d'une initiation ou d'une poursuite.");
    }

    private static TsoRelay Relay(Administration? lastGiven = null, RelayKind kind = RelayKind.Csapa, string? name = "CSAPA Horizon",
        string? contact = null, DateOnly? appointment = null, NaloxoneOffer naloxone = NaloxoneOffer.Given) =>
        TsoRelay.Record(Patient, lastGiven, kind, name, contact, appointment, naloxone, Today, Nurse, "Julie", Instants.Monday);

    private static IEnumerable<string> RelayProblems(Action act) => act.Should().Throw<DomainException>().Which.Problems;

    [Fact]
    public void A_tso_relay_at_release_names_who_takes_over_from_lists_and_a_coming_appointment()
    {
        RelayProblems(() => Relay(kind: (RelayKind)9)).Should().Equal("Choisissez le relais et la proposition de naloxone dans les listes.");
        RelayProblems(() => Relay(naloxone: (NaloxoneOffer)9)).Should().Equal("Choisissez le relais et la proposition de naloxone dans les listes.");
        RelayProblems(() => Relay(name: "  ")).Should().Equal("Nommez le relais extérieur (CSAPA, pharmacie ou prescripteur).");
        RelayProblems(() => Relay(appointment: Today.AddDays(-1))).Should().Equal("Le rendez-vous du relais est à venir (dans les 90 jours).");
        RelayProblems(() => Relay(appointment: Today.AddDays(91))).Should().Equal("Le rendez-vous du relais est à venir (dans les 90 jours).");
        RelayProblems(() => Relay(name: null, appointment: Today.AddDays(-1))).Should().HaveCount(2);

        Relay(appointment: Today).RelayAppointment.Should().Be(Today);
        Relay(appointment: Today.AddDays(90)).RelayAppointment.Should().Be(Today.AddDays(90));
    }

    [Fact]
    public void A_tso_relay_carries_the_last_dose_given_here_and_the_contact_if_any()
    {
        var tso = Signed(Methadone, DistributionMode.Supervised);
        var given = Record(DistributionRound.Due([tso], Today, RoundSlot.Morning), tso, AdministrationOutcome.Given,
            tso: Confirmed(Instants.Monday.AddHours(-1), Instants.Monday));

        var relay = Relay(given, RelayKind.Pharmacy, " Pharmacie du Port ", " 01 02 03 04 05 ", naloxone: NaloxoneOffer.Refused);

        relay.LastDoseAt.Should().Be(Instants.Monday);
        relay.LastDose.Should().Be("METHADONE AP-HP 40 mg, gélule, 1 gélule(s)");
        relay.RelayKind.Should().Be(RelayKind.Pharmacy);
        relay.RelayName.Should().Be("Pharmacie du Port");
        relay.RelayContact.Should().Be("01 02 03 04 05");
        relay.Naloxone.Should().Be(NaloxoneOffer.Refused);
        var none = Relay(contact: " ");
        none.LastDoseAt.Should().BeNull();
        none.LastDose.Should().BeNull();
        none.RelayContact.Should().BeNull();
    }
}
