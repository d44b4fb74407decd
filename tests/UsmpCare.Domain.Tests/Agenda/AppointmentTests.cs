using UsmpCare.Domain.Agenda;
using UsmpCare.Domain.CareRequests;
using UsmpCare.Domain.Patients;
using UsmpCare.Domain.Security;
using static UsmpCare.Domain.Tests.Instants;

namespace UsmpCare.Domain.Tests.Agenda;

/// <summary>Issue #21: a slot is in the future, free for its practitioner and its room, in the patient's and the practitioner's unit.</summary>
public sealed class AppointmentTests
{
    private static readonly Guid Unit = Guid.NewGuid();
    private static readonly Guid OtherUnit = Guid.NewGuid();
    private static readonly Practitioner Doctor = new(Guid.NewGuid(), "Dr Claire Martin", Role.Physician, Team.Somatic, new HashSet<Guid> { Unit });
    private static readonly Practitioner Dentist = new(Guid.NewGuid(), "Dr Léa Moreau", Role.Dentist, Team.Somatic, new HashSet<Guid> { Unit });
    private static readonly Room Room1 = new(Unit, "Salle de consultation 1");
    private static readonly Room Room2 = new(Unit, "Cabinet dentaire");

    private static Patient PatientOf(Guid unit) => new(unit, "24001", "Durand", "Paul", new DateOnly(1980, 1, 1), Sex.Male, new DateOnly(2026, 1, 1));

    private static Appointment Book(DateTimeOffset start, Practitioner? who = null, Room? room = null, IEnumerable<Appointment>? around = null,
        Patient? patient = null, VisitKind kind = VisitKind.Consultation, CareRequest? request = null) =>
        Appointment.Book(new Booking(patient ?? PatientOf(Unit), Unit, kind, start, 30, who ?? Doctor, room ?? Room1, "Toux", CareRequest: request),
            around ?? [], Author, "Secrétariat", Monday);

    [Fact]
    public void A_slot_in_the_past_is_refused()
    {
        var past = () => Book(Monday.AddMinutes(-30));
        past.Should().Throw<DomainException>().WithMessage("*déjà passé*");
        Book(Monday.AddHours(1)).Start.Should().Be(Monday.AddHours(1));
    }

    [Fact]
    public void An_overlapping_slot_for_the_same_practitioner_or_the_same_room_is_refused_back_to_back_is_not()
    {
        var first = Book(Monday.AddHours(1));
        var samePractitioner = () => Book(Monday.AddHours(1).AddMinutes(15), room: Room2, around: [first]);
        samePractitioner.Should().Throw<DomainException>().WithMessage("*Dr Claire Martin a déjà un rendez-vous*");
        var sameRoom = () => Book(Monday.AddHours(1).AddMinutes(15), who: Dentist, around: [first]);
        sameRoom.Should().Throw<DomainException>().WithMessage("*salle « Salle de consultation 1 » est déjà occupée*");
        Book(Monday.AddHours(1).AddMinutes(30), around: [first]).Should().NotBeNull("back-to-back slots share no minute");
        Book(Monday.AddHours(1).AddMinutes(15), who: Dentist, room: Room2, around: [first]).Should().NotBeNull();
    }

    [Fact]
    public void A_cancelled_appointment_frees_its_slot()
    {
        var first = Book(Monday.AddHours(1));
        first.Cancel();
        Book(Monday.AddHours(1), around: [first]).Should().NotBeNull();
    }

    [Fact]
    public void A_patient_or_a_practitioner_of_another_unit_is_refused()
    {
        var patient = () => Book(Monday.AddHours(1), patient: PatientOf(OtherUnit));
        patient.Should().Throw<DomainException>().WithMessage("*n'est pas suivi par cette unité*");
        var stranger = Doctor with { UnitIds = new HashSet<Guid> { OtherUnit } };
        var practitioner = () => Book(Monday.AddHours(1), who: stranger);
        practitioner.Should().Throw<DomainException>().WithMessage("*n'exerce pas dans cette unité*");
        var room = () => Book(Monday.AddHours(1), room: new Room(OtherUnit, "Ailleurs"));
        room.Should().Throw<DomainException>().WithMessage("*salle de l'unité*");
    }

    [Fact]
    public void The_team_is_the_practitioners_and_a_kind_outside_it_is_refused()
    {
        Book(Monday.AddHours(1), who: Dentist, room: Room2, kind: VisitKind.Dental).Team.Should().Be(Team.Somatic);
        var dentalByDoctor = () => Book(Monday.AddHours(1), kind: VisitKind.Dental);
        dentalByDoctor.Should().Throw<DomainException>().WithMessage("*ne donne pas ce type de rendez-vous*");
        var psychologist = new Practitioner(Guid.NewGuid(), "Yanis Cherif", Role.Psychologist, Team.Psychiatric, new HashSet<Guid> { Unit });
        Book(Monday.AddHours(2), who: psychologist, kind: VisitKind.Psychology).Team.Should().Be(Team.Psychiatric);
    }

    [Fact]
    public void Booking_from_a_care_request_moves_it_to_appointment_set_and_the_other_teams_request_is_refused()
    {
        var patient = PatientOf(Unit);
        var round = new CollectionRound(Unit, "Bâtiment A", null, Monday.AddHours(-1), Author, "I", Monday);
        var request = new CareRequest(round, patient.Id, null, RequestTeam.Somatic, "Toux", Urgency.ThisWeek, false, false, false, Author, "I", Monday);
        var appointment = Book(Monday.AddHours(3), patient: patient, request: request);
        appointment.CareRequestId.Should().Be(request.Id);
        appointment.From.Should().Be(BookedFrom.CareRequest);
        request.Status.Should().Be(CareRequestStatus.AppointmentSet);
        request.AppointmentAt.Should().Be(Monday.AddHours(3));

        var psy = new CareRequest(round, patient.Id, null, RequestTeam.Psychiatric, "Ne dort plus", Urgency.ThisWeek, false, false, false, Author, "I", Monday);
        var wrongTeam = () => Book(Monday.AddHours(4), patient: patient, request: psy);
        wrongTeam.Should().Throw<DomainException>().WithMessage("*adressée à l'autre équipe*");
        psy.Status.Should().Be(CareRequestStatus.New);
    }
}
