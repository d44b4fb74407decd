using UsmpCare.Domain.Continuity;
using static UsmpCare.Domain.Tests.Instants;

namespace UsmpCare.Domain.Tests.Continuity;

public sealed class ExternalAppointmentTests
{
    private static readonly DateTimeOffset At = Monday.AddDays(7);

    private static readonly Guid Unit = Guid.NewGuid();
    private static readonly EscortPlace Chu = new(Unit, PlaceKind.Hospital, "CHU de Villeneuve");

    private static ExternalAppointment Appointment(AppointmentKind kind = AppointmentKind.Consultation) =>
        new(Guid.NewGuid(), Unit, At, Chu, 2, " Échographie ", Author, "Secrétariat", Monday, kind);

    [Theory]
    [InlineData(false, 2, 1)]
    [InlineData(true, 0, 1)]
    [InlineData(true, 5, 1)]
    [InlineData(true, 2, -1)]
    public void An_appointment_needs_a_place_an_escort_level_from_1_to_4_and_a_date_ahead(bool withPlace, int level, int daysAhead)
    {
        var book = () => new ExternalAppointment(Guid.NewGuid(), Unit, Monday.AddDays(daysAhead), withPlace ? Chu : null, level, "x", Author, "S", Monday);

        book.Should().Throw<DomainException>();
    }

    [Theory]
    [InlineData(1)]
    [InlineData(4)]
    public void Escort_levels_1_and_4_are_accepted(int level)
    {
        new ExternalAppointment(Guid.NewGuid(), Unit, Monday, Chu, level, "x", Author, "S", Monday).EscortLevel.Should().Be(level);
    }

    [Fact]
    public void A_new_appointment_is_requested_and_keeps_its_reason_for_the_unit()
    {
        var appointment = Appointment();

        appointment.Status.Should().Be(EscortStatus.Requested);
        appointment.PlaceId.Should().Be(Chu.Id);
        appointment.MedicalReason.Should().Be("Échographie");
        appointment.IsHospitalisation.Should().BeFalse();
        Appointment(AppointmentKind.HospitalisationUhsa).IsHospitalisation.Should().BeTrue();
    }

    [Theory]
    [InlineData(CancellationCause.HospitalCancelled, CancelledBy.Hospital)]
    [InlineData(CancellationCause.PatientRefused, CancelledBy.Patient)]
    [InlineData(CancellationCause.EscortUnavailable, CancelledBy.PrisonAdministration)]
    [InlineData(CancellationCause.EscortLate, CancelledBy.PrisonAdministration)]
    [InlineData(CancellationCause.SecurityIncident, CancelledBy.PrisonAdministration)]
    public void A_cancellation_records_its_cause_who_cancelled_and_how_late(CancellationCause cause, CancelledBy by)
    {
        // P32: escorts cancelled up to the last minute are counted, by cause.
        var appointment = Appointment();
        appointment.Cancel(cause, At.AddHours(-2));

        appointment.Status.Should().Be(EscortStatus.Cancelled);
        appointment.CancellationCause.Should().Be(cause);
        appointment.CancelledBy.Should().Be(by);
        appointment.CancellationNotice.Should().Be(TimeSpan.FromHours(2));
    }

    [Fact]
    public void A_postponed_appointment_moves_to_its_new_date_never_into_the_past()
    {
        var appointment = Appointment();
        appointment.Invoking(a => a.Postpone(Monday.AddMinutes(-1), Monday)).Should().Throw<DomainException>();
        appointment.Status.Should().Be(EscortStatus.Requested);

        appointment.Postpone(At.AddDays(7), Monday);
        appointment.Status.Should().Be(EscortStatus.Postponed);
        appointment.At.Should().Be(At.AddDays(7));
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(24 * 60 + 1)]
    public void An_escort_delay_is_between_0_and_1440_minutes(int minutes)
    {
        var appointment = Appointment();

        appointment.Invoking(a => a.MarkDone(At, minutes)).Should().Throw<DomainException>();
        appointment.Status.Should().Be(EscortStatus.Requested);
    }

    [Theory]
    [InlineData(0, null)]
    [InlineData(45, 45)]
    public void A_done_appointment_keeps_the_escorts_delay_when_there_was_one(int minutes, int? kept)
    {
        var appointment = Appointment();
        appointment.Confirm();
        appointment.MarkDone(At, minutes);

        appointment.Status.Should().Be(EscortStatus.Done);
        appointment.DoneAt.Should().Be(At);
        appointment.EscortDelayMinutes.Should().Be(kept);
    }

    [Fact]
    public void A_cancelled_or_done_appointment_changes_no_more()
    {
        var cancelled = Appointment();
        cancelled.Cancel(CancelledBy.Hospital, Monday);
        var done = Appointment();
        done.MarkDone(At);

        foreach (var closed in new[] { cancelled, done })
        {
            var status = closed.Status;
            closed.Invoking(a => a.Confirm()).Should().Throw<DomainException>();
            closed.Invoking(a => a.Postpone(At.AddDays(1), Monday)).Should().Throw<DomainException>();
            closed.Invoking(a => a.MarkDone(At)).Should().Throw<DomainException>();
            closed.Invoking(a => a.Cancel(CancellationCause.Other, Monday)).Should().Throw<DomainException>();
            closed.Status.Should().Be(status);
            closed.At.Should().Be(At);
        }
    }
}
