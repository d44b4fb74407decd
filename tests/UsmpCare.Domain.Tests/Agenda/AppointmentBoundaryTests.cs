using UsmpCare.Domain.Agenda;
using UsmpCare.Domain.CareRequests;
using UsmpCare.Domain.Patients;
using UsmpCare.Domain.Security;
using static UsmpCare.Domain.Tests.Instants;

namespace UsmpCare.Domain.Tests.Agenda;

/// <summary>
/// Issue #21 at its edges: the slot that ends as another begins, the kinds each team gives (P28, P30), the duration's
/// bounds, the slot at the present minute, another patient's care request, cancelling, the outcome's list. Each test
/// kills a mutant of the 2026-12-06 Stryker run over Agenda (docs/deontology-matrix.md).
/// </summary>
public sealed class AppointmentBoundaryTests
{
    private static readonly Guid Unit = Guid.NewGuid();
    private static readonly TimeZoneInfo Paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");
    private static readonly Practitioner Doctor = new(Guid.NewGuid(), "Dr Claire Martin", Role.Physician, Team.Somatic, new HashSet<Guid> { Unit });
    private static readonly Practitioner Nurse = new(Guid.NewGuid(), "Julie Lefèvre", Role.Nurse, Team.Somatic, new HashSet<Guid> { Unit });
    private static readonly Practitioner Psychiatrist = new(Guid.NewGuid(), "Dr Paul Roy", Role.Psychiatrist, Team.Psychiatric, new HashSet<Guid> { Unit });
    private static readonly Room Room1 = new(Unit, "Salle de consultation 1");
    private static readonly Patient Patient = new(Unit, "24002", "Petit", "Marc", new DateOnly(1985, 3, 1), Sex.Male, new DateOnly(2026, 1, 1));

    private static Appointment Book(DateTimeOffset start, Practitioner? who = null, VisitKind kind = VisitKind.Consultation,
        int minutes = 30, IEnumerable<Appointment>? around = null, string? reason = "Toux", BookedFrom from = BookedFrom.Chart,
        CareRequest? request = null, Guid? recall = null, Patient? patient = null) =>
        Appointment.Book(new Booking(patient ?? Patient, Unit, kind, start, minutes, who ?? Doctor, Room1, reason, from, request, recall),
            around ?? [], Author, "Secrétariat", Monday);

    [Fact]
    public void A_slot_ending_as_a_booked_one_begins_is_free()
    {
        var booked = Book(Monday.AddHours(2));

        Book(Monday.AddHours(1).AddMinutes(30), around: [booked]).End.Should().Be(booked.Start);
        var overlapping = () => Book(Monday.AddHours(1).AddMinutes(31), around: [booked]);
        overlapping.Should().Throw<DomainException>().WithMessage("*a déjà un rendez-vous sur ce créneau*");
    }

    [Fact]
    public void Each_kind_is_given_by_the_team_that_gives_it()
    {
        var psychologyBySomatic = () => Book(Monday.AddHours(1), kind: VisitKind.Psychology);
        psychologyBySomatic.Should().Throw<DomainException>().WithMessage("*ne donne pas ce type de rendez-vous*");

        // P28: the prevention visit of a working detainee is a somatic physician's.
        Book(Monday.AddHours(1), kind: VisitKind.PreventionVisit).Team.Should().Be(Team.Somatic);
        foreach (var who in new[] { Nurse, Psychiatrist })
        {
            var prevention = () => Book(Monday.AddHours(1), who, VisitKind.PreventionVisit);
            prevention.Should().Throw<DomainException>().WithMessage("*ne donne pas ce type de rendez-vous*");
        }

        Book(Monday.AddHours(1), Nurse, VisitKind.Tso).Team.Should().Be(Team.Somatic);
        Book(Monday.AddHours(2), Nurse, VisitKind.NursingCare).Team.Should().Be(Team.Somatic);
        Book(Monday.AddHours(3), Psychiatrist, VisitKind.EntryVisit).Team.Should().Be(Team.Psychiatric);
        var unknown = () => Book(Monday.AddHours(1), kind: (VisitKind)99);
        unknown.Should().Throw<DomainException>().WithMessage("Choisissez la nature du rendez-vous.");
    }

    [Theory]
    [InlineData(5, true)]
    [InlineData(240, true)]
    [InlineData(4, false)]
    [InlineData(241, false)]
    public void An_appointment_lasts_five_minutes_to_four_hours(int minutes, bool accepted)
    {
        var act = () => Book(Monday.AddHours(1), minutes: minutes);
        if (accepted)
        {
            act().DurationMinutes.Should().Be(minutes);
        }
        else
        {
            act.Should().Throw<DomainException>().WithMessage("La durée va de 5 minutes à 4 heures.");
        }
    }

    [Fact]
    public void A_slot_at_the_present_minute_is_not_in_the_past() =>
        Book(Monday).Start.Should().Be(Monday);

    [Fact]
    public void Another_patients_care_request_is_refused()
    {
        var round = new CollectionRound(Unit, "Bâtiment A", null, Monday.AddHours(-1), Author, "I", Monday);
        var request = new CareRequest(round, Guid.NewGuid(), null, RequestTeam.Somatic, "Toux", Urgency.ThisWeek, false, false, false, Author, "I", Monday);

        var act = () => Book(Monday.AddHours(1), request: request);

        act.Should().Throw<DomainException>().WithMessage("Cette demande de soins n'est pas celle de ce patient.");
        request.Status.Should().Be(CareRequestStatus.New);
    }

    [Fact]
    public void An_appointment_says_where_it_was_booked_from_and_keeps_a_trimmed_reason()
    {
        var recall = Guid.NewGuid();
        var fromRecall = Book(Monday.AddHours(1), reason: "  Rappel vaccin  ", from: BookedFrom.Chart, recall: recall);
        fromRecall.From.Should().Be(BookedFrom.Recall);
        fromRecall.RecallId.Should().Be(recall);
        fromRecall.Reason.Should().Be("Rappel vaccin");

        var fromChart = Book(Monday.AddHours(2), reason: " ", from: BookedFrom.Chart);
        fromChart.From.Should().Be(BookedFrom.Chart);
        fromChart.Reason.Should().BeNull();
    }

    [Fact]
    public void An_appointment_is_cancelled_once_and_not_after_its_outcome()
    {
        var cancelled = Book(Monday.AddHours(1));
        cancelled.Cancel();
        var again = () => cancelled.Cancel();
        again.Should().Throw<DomainException>().WithMessage("Ce rendez-vous est déjà annulé ou passé.");

        var seen = Book(Monday.AddHours(2));
        seen.RecordOutcome(AppointmentOutcome.Seen, null, null, null, false, Author, "Dr Claire Martin", Monday.AddHours(3), Paris);
        var late = () => seen.Cancel();
        late.Should().Throw<DomainException>().WithMessage("Ce rendez-vous est déjà annulé ou passé.");
        seen.Status.Should().Be(AppointmentStatus.Booked);
    }

    [Fact]
    public void An_outcome_is_one_of_the_list_and_its_note_is_kept_trimmed()
    {
        var appointment = Book(Monday.AddHours(1));
        var unknown = () => appointment.RecordOutcome((AppointmentOutcome)99, null, null, null, false, Author, "Dr", Monday.AddHours(2), Paris);
        unknown.Should().Throw<DomainException>().WithMessage("Choisissez l'issue du rendez-vous.");

        appointment.RecordOutcome(AppointmentOutcome.Seen, null, "  vu avec l'interprète  ", null, false, Author, "Dr", Monday.AddHours(2), Paris)
            .Note.Should().Be("vu avec l'interprète");
        appointment.OutcomeNote.Should().Be("vu avec l'interprète");
    }

    [Fact]
    public void A_first_outcome_is_no_correction_even_if_a_reason_for_one_is_typed()
    {
        var appointment = Book(Monday.AddHours(1));

        appointment.RecordOutcome(AppointmentOutcome.Seen, null, null, "erreur de saisie", false, Author, "Dr", Monday.AddHours(2), Paris)
            .Correction.Should().BeNull();
    }

    [Fact]
    public void A_room_has_a_name_and_a_retired_room_takes_no_appointment()
    {
        var nameless = () => new Room(Unit, "  ");
        nameless.Should().Throw<DomainException>().WithMessage("Donnez un nom à la salle*");

        var retired = new Room(Unit, "Ancienne salle");
        retired.Retire();
        retired.IsActive.Should().BeFalse();
        var act = () => Appointment.Book(new Booking(Patient, Unit, VisitKind.Consultation, Monday.AddHours(1), 30, Doctor, retired, null),
            [], Author, "Secrétariat", Monday);
        act.Should().Throw<DomainException>().WithMessage("Choisissez une salle de l'unité.");
    }
}
