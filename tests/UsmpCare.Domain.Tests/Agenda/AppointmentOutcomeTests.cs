using UsmpCare.Domain.Agenda;
using UsmpCare.Domain.Patients;
using UsmpCare.Domain.Security;
using static UsmpCare.Domain.Tests.Instants;

namespace UsmpCare.Domain.Tests.Agenda;

/// <summary>
/// Issue #21, point 3: the outcome of an appointment is recorded from its day on, with its reason from the closed list;
/// a second outcome is a correction that says why; the prison records only « non amené » and never overwrites the unit.
/// </summary>
public sealed class AppointmentOutcomeTests
{
    private static readonly Guid Unit = Guid.NewGuid();
    private static readonly TimeZoneInfo Paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");
    private static readonly Practitioner Doctor = new(Guid.NewGuid(), "Dr Claire Martin", Role.Physician, Team.Somatic, new HashSet<Guid> { Unit });

    /// <summary>Booked on Monday for Wednesday 10:00 (Paris).</summary>
    private static Appointment Wednesday() => Appointment.Book(
        new Booking(new Patient(Unit, "24001", "Durand", "Paul", new DateOnly(1980, 1, 1), Sex.Male, new DateOnly(2026, 1, 1)),
            Unit, VisitKind.Consultation, Monday.AddDays(2).AddHours(1), 30, Doctor, new Room(Unit, "Salle 1"), "Toux"),
        [], Author, "Secrétariat", Monday);

    private static AppointmentOutcomeRecord Record(Appointment a, AppointmentOutcome outcome, OutcomeReason? reason = null,
        DateTimeOffset? at = null, string? correction = null, bool byPrison = false) =>
        a.RecordOutcome(outcome, reason, null, correction, byPrison, Author, "Dr Claire Martin", at ?? Monday.AddDays(2).AddHours(3), Paris);

    [Fact]
    public void No_outcome_before_the_slots_day_the_morning_of_the_day_is_enough()
    {
        var appointment = Wednesday();
        var early = () => Record(appointment, AppointmentOutcome.NotBrought, OutcomeReason.StaffShortage, at: Monday.AddDays(1).AddHours(14));
        early.Should().Throw<DomainException>().WithMessage("*prévu le 25/11/2026*");
        appointment.Outcome.Should().BeNull();
        appointment.OutcomeTrail.Should().BeEmpty();

        // 07:30 in Paris on Wednesday is still Tuesday in some zones: the unit's day decides.
        Record(appointment, AppointmentOutcome.Seen, at: new DateTimeOffset(2026, 11, 25, 6, 30, 0, TimeSpan.Zero));
        appointment.Outcome.Should().Be(AppointmentOutcome.Seen);
    }

    [Fact]
    public void A_second_outcome_is_refused_without_a_correction_and_kept_in_the_trail_with_one()
    {
        var appointment = Wednesday();
        Record(appointment, AppointmentOutcome.NotBrought, OutcomeReason.MovementsBlocked);

        var again = () => Record(appointment, AppointmentOutcome.Seen);
        again.Should().Throw<DomainException>().WithMessage("*déjà enregistrée (Non amené)*dites pourquoi*");
        appointment.Outcome.Should().Be(AppointmentOutcome.NotBrought);
        appointment.OutcomeTrail.Should().HaveCount(1);

        var corrected = Record(appointment, AppointmentOutcome.Seen, correction: "Amené à 11 h, vu en fin de matinée");
        corrected.Correction.Should().Be("Amené à 11 h, vu en fin de matinée");
        appointment.Outcome.Should().Be(AppointmentOutcome.Seen);
        appointment.OutcomeReason.Should().BeNull();
        appointment.OutcomeTrail.Select(o => o.Outcome).Should().Equal(AppointmentOutcome.NotBrought, AppointmentOutcome.Seen);
        appointment.OutcomeTrail[0].Correction.Should().BeNull();
    }

    [Fact]
    public void Not_brought_and_absent_take_a_reason_of_their_own_list_the_others_none()
    {
        var appointment = Wednesday();
        var noReason = () => Record(appointment, AppointmentOutcome.NotBrought);
        noReason.Should().Throw<DomainException>().WithMessage("*raison*pas été amenée*");
        var absenceAsPrisonReason = () => Record(appointment, AppointmentOutcome.NotBrought, OutcomeReason.Parloir);
        absenceAsPrisonReason.Should().Throw<DomainException>();
        var absentWithoutWhy = () => Record(appointment, AppointmentOutcome.Absent);
        absentWithoutWhy.Should().Throw<DomainException>().WithMessage("*parloir, tribunal*");
        var seenWithReason = () => Record(appointment, AppointmentOutcome.Seen, OutcomeReason.Court);
        seenWithReason.Should().Throw<DomainException>().WithMessage("*ne prend pas de motif*");
        appointment.OutcomeTrail.Should().BeEmpty();

        Record(appointment, AppointmentOutcome.Absent, OutcomeReason.Court);
        appointment.OutcomeReason.Should().Be(OutcomeReason.Court);
    }

    [Fact]
    public void The_prison_records_only_not_brought_and_never_over_the_unit()
    {
        var appointment = Wednesday();
        var seenByPrison = () => Record(appointment, AppointmentOutcome.Seen, byPrison: true);
        seenByPrison.Should().Throw<DomainException>().WithMessage("*seulement les personnes non amenées*");

        Record(appointment, AppointmentOutcome.RefusedByPatient);
        var overwrite = () => Record(appointment, AppointmentOutcome.NotBrought, OutcomeReason.NotCalled, correction: "erreur", byPrison: true);
        overwrite.Should().Throw<DomainException>().WithMessage("*seule l'unité sanitaire peut la corriger*");
        appointment.Outcome.Should().Be(AppointmentOutcome.RefusedByPatient);

        var other = Wednesday();
        Record(other, AppointmentOutcome.NotBrought, OutcomeReason.NotCalled, byPrison: true).ByPrison.Should().BeTrue();
    }

    [Fact]
    public void A_cancelled_appointment_has_no_outcome()
    {
        var appointment = Wednesday();
        appointment.Cancel();
        var record = () => Record(appointment, AppointmentOutcome.Seen);
        record.Should().Throw<DomainException>().WithMessage("*annulé*");
    }
}
