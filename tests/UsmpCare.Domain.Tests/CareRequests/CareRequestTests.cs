using UsmpCare.Domain.CareRequests;
using UsmpCare.Domain.Security;
using static UsmpCare.Domain.Tests.Instants;

namespace UsmpCare.Domain.Tests.CareRequests;

public sealed class CareRequestTests
{
    private static readonly DateTimeOffset Collected = Monday.AddHours(-1);
    private static readonly Guid Nurse = Author;

    private static CollectionRound Round() => new(Guid.NewGuid(), " Bâtiment B ", "Boîte 1", Collected, Nurse, "Inf. Test", Monday);

    private static CareRequest Slip(Guid? patientId = null, string? unidentifiedName = null, bool anonymous = false,
        RequestTeam team = RequestTeam.Somatic) =>
        new(Round(), patientId ?? (unidentifiedName is null && !anonymous ? (Guid?)Guid.NewGuid() : null), unidentifiedName, team,
            " Mal de dents ", Urgency.NotUrgent, illegible: false, anonymous, severalRequests: false, Nurse, "Inf. Test", Monday);

    /// <summary>A request brought to a given status through the domain's own transitions.</summary>
    private static CareRequest In(CareRequestStatus status)
    {
        var request = Slip();
        if (status == CareRequestStatus.Triaged)
        {
            request.Triage(Urgency.ThisWeek, null, Nurse, "Inf. Test", Monday);
        }
        if (status == CareRequestStatus.AppointmentSet)
        {
            request.SetAppointment(Monday.AddDays(1), Nurse, "Inf. Test", Monday);
        }
        if (status == CareRequestStatus.SeenInConsultation)
        {
            request.AnsweredBy(Guid.NewGuid(), Monday, Nurse, "Dr Test", Monday);
        }
        if (status == CareRequestStatus.Closed)
        {
            request.Close(CloseReason.Duplicate, null, Nurse, "Inf. Test", Monday);
        }
        request.Status.Should().Be(status);
        return request;
    }

    [Fact]
    public void A_logged_slip_is_new_open_keeps_the_rounds_wing_and_time_and_starts_its_history()
    {
        var request = Slip();

        request.Status.Should().Be(CareRequestStatus.New);
        request.IsOpen.Should().BeTrue();
        request.Wing.Should().Be("Bâtiment B");
        request.CollectedAt.Should().Be(Collected);
        request.Summary.Should().Be("Mal de dents");
        request.Events.Should().ContainSingle().Which.Should().Match<CareRequestEvent>(e => e.From == null && e.To == CareRequestStatus.New);
    }

    [Theory]
    [InlineData(CareRequestStatus.New, true)]
    [InlineData(CareRequestStatus.Triaged, true)]
    [InlineData(CareRequestStatus.AppointmentSet, true)]
    [InlineData(CareRequestStatus.SeenInConsultation, false)]
    [InlineData(CareRequestStatus.Closed, false)]
    public void Open_means_new_triaged_or_with_an_appointment(CareRequestStatus status, bool open)
    {
        In(status).IsOpen.Should().Be(open);
    }

    [Fact]
    public void The_query_expression_selects_exactly_the_open_requests_on_every_status()
    {
        // The pages filter with CareRequest.Open (translated to SQL); the state machine asks IsOpen: one rule, so a
        // status added later is open or not in both at once.
        var requests = Enum.GetValues<CareRequestStatus>().Select(In).ToList();

        requests.AsQueryable().Where(CareRequest.Open).Select(r => r.Status).Should().BeEquivalentTo(
            [CareRequestStatus.New, CareRequestStatus.Triaged, CareRequestStatus.AppointmentSet]);
        requests.Should().OnlyContain(r => r.IsOpen == CareRequest.Open.Compile()(r));
    }

    [Fact]
    public void Each_transition_appends_one_event_from_the_old_status_to_the_new()
    {
        var request = Slip();
        request.Triage(Urgency.Urgent, null, Nurse, "Inf. Test", Monday.AddMinutes(1));
        request.SetAppointment(Monday.AddDays(1), Nurse, "Inf. Test", Monday.AddMinutes(2));
        request.AnsweredBy(Guid.NewGuid(), Monday.AddDays(1), Nurse, "Dr Test", Monday.AddDays(1).AddMinutes(30));

        request.Events.Select(e => (e.From, e.To)).Should().Equal(
            (null, CareRequestStatus.New),
            (CareRequestStatus.New, CareRequestStatus.Triaged),
            (CareRequestStatus.Triaged, CareRequestStatus.AppointmentSet),
            (CareRequestStatus.AppointmentSet, CareRequestStatus.SeenInConsultation));
        request.Events[1].Note.Should().Be("Triée (Urgent)");
        request.Urgency.Should().Be(Urgency.Urgent);
    }

    [Fact]
    public void The_wait_runs_from_collection_to_the_consultation_not_to_the_time_it_was_recorded()
    {
        var request = Slip();
        request.AnsweredBy(Guid.NewGuid(), Monday.AddHours(5), Nurse, "Dr Test", Monday.AddDays(2));

        request.AnsweredAt.Should().Be(Monday.AddHours(5));
        request.AgeAt(Monday.AddDays(30)).Should().Be(TimeSpan.FromHours(6));
    }

    [Fact]
    public void A_consultation_before_the_slip_was_collected_cannot_answer_it()
    {
        var request = Slip();

        request.Invoking(r => r.AnsweredBy(Guid.NewGuid(), Collected.AddMinutes(-1), Nurse, "Dr Test", Monday))
            .Should().Throw<DomainException>().WithMessage("*précède le dépôt*");
        request.Status.Should().Be(CareRequestStatus.New);
    }

    [Theory]
    [InlineData(CareRequestStatus.SeenInConsultation)]
    [InlineData(CareRequestStatus.Closed)]
    public void A_request_seen_or_closed_refuses_every_further_transition_and_keeps_its_history(CareRequestStatus status)
    {
        var request = In(status);
        var events = request.Events.Count;

        request.Invoking(r => r.Triage(Urgency.Urgent, null, Nurse, "Inf. Test", Monday)).Should().Throw<DomainException>();
        request.Invoking(r => r.SetAppointment(Monday.AddDays(1), Nurse, "Inf. Test", Monday)).Should().Throw<DomainException>();
        request.Invoking(r => r.AnsweredBy(Guid.NewGuid(), Monday, Nurse, "Dr Test", Monday)).Should().Throw<DomainException>();
        request.Invoking(r => r.Close(CloseReason.Resolved, null, Nurse, "Inf. Test", Monday)).Should().Throw<DomainException>();

        request.Status.Should().Be(status);
        request.Events.Should().HaveCount(events);
    }

    [Fact]
    public void Closing_as_resolved_ends_the_wait_other_reasons_do_not()
    {
        var resolved = Slip();
        resolved.Close(CloseReason.Resolved, " vu au couloir ", Nurse, "Inf. Test", Monday.AddHours(2));
        var duplicate = Slip();
        duplicate.Close(CloseReason.Duplicate, null, Nurse, "Inf. Test", Monday.AddHours(2));

        resolved.AnsweredAt.Should().Be(Monday.AddHours(2));
        resolved.Events[^1].Note.Should().Be("Close : réglée — vu au couloir");
        duplicate.AnsweredAt.Should().BeNull();
        duplicate.CloseReason.Should().Be(CloseReason.Duplicate);
    }

    [Fact]
    public void A_slip_logged_under_a_name_gets_no_appointment_nor_answer_until_reconciled_once()
    {
        var request = Slip(unidentifiedName: " MARTIN Paul ");
        request.UnidentifiedName.Should().Be("MARTIN Paul");

        request.Invoking(r => r.SetAppointment(Monday.AddDays(1), Nurse, "Inf. Test", Monday)).Should().Throw<DomainException>().WithMessage("*Rapprochez*");
        request.Invoking(r => r.AnsweredBy(Guid.NewGuid(), Monday, Nurse, "Dr Test", Monday)).Should().Throw<DomainException>().WithMessage("*Rapprochez*");

        var patient = Guid.NewGuid();
        request.Reconcile(patient, Nurse, "Inf. Test", Monday);
        request.PatientId.Should().Be(patient);
        request.Events[^1].Should().Match<CareRequestEvent>(e => e.From == CareRequestStatus.New && e.To == CareRequestStatus.New && e.Note.Contains("MARTIN Paul"));
        request.Invoking(r => r.Reconcile(Guid.NewGuid(), Nurse, "Inf. Test", Monday)).Should().Throw<DomainException>();
        request.PatientId.Should().Be(patient);

        request.SetAppointment(Monday.AddDays(1), Nurse, "Inf. Test", Monday);
        request.Status.Should().Be(CareRequestStatus.AppointmentSet);
    }

    [Fact]
    public void A_known_patient_makes_the_name_on_the_slip_irrelevant()
    {
        var request = new CareRequest(Round(), Guid.NewGuid(), "Nom", RequestTeam.Somatic, "x", Urgency.NotUrgent, false,
            false, false, Nurse, "Inf. Test", Monday);

        request.UnidentifiedName.Should().BeNull();
    }

    [Fact]
    public void A_slip_needs_a_summary_unless_illegible_and_a_writer_unless_anonymous()
    {
        var round = Round();
        var noSummary = () => new CareRequest(round, Guid.NewGuid(), null, RequestTeam.Somatic, " ", Urgency.NotUrgent, false, false, false, Nurse, "I", Monday);
        var nobody = () => new CareRequest(round, null, " ", RequestTeam.Somatic, "x", Urgency.NotUrgent, false, false, false, Nurse, "I", Monday);

        noSummary.Should().Throw<DomainException>().WithMessage("*Résumez*");
        nobody.Should().Throw<DomainException>().WithMessage("*Choisissez le patient*");
        new CareRequest(round, Guid.NewGuid(), null, RequestTeam.Somatic, " ", Urgency.NotUrgent, true, false, false, Nurse, "I", Monday)
            .Summary.Should().Be("(billet illisible)");
        Slip(anonymous: true).PatientId.Should().BeNull();
    }

    [Fact]
    public void A_closed_round_takes_no_more_slips()
    {
        var round = Round();
        round.Close(Monday);

        var log = () => new CareRequest(round, Guid.NewGuid(), null, RequestTeam.Somatic, "x", Urgency.NotUrgent, false, false, false, Nurse, "I", Monday);

        log.Should().Throw<DomainException>().WithMessage("*tournée est close*");
        round.Invoking(r => r.Close(Monday)).Should().Throw<DomainException>();
    }

    [Theory]
    [InlineData(" ", 0)]
    [InlineData("Bâtiment A", 6)]
    [InlineData("Bâtiment A", -(7 * 24 * 60) - 1)]
    public void A_round_needs_a_wing_and_a_collection_time_within_the_last_week_and_not_ahead(string wing, int minutesFromNow)
    {
        var open = () => new CollectionRound(Guid.NewGuid(), wing, null, Monday.AddMinutes(minutesFromNow), Nurse, "I", Monday);

        open.Should().Throw<DomainException>();
    }

    [Theory]
    [InlineData(5)]
    [InlineData(-(7 * 24 * 60))]
    public void A_round_collected_up_to_a_week_ago_or_five_minutes_ahead_is_accepted(int minutesFromNow)
    {
        new CollectionRound(Guid.NewGuid(), "A", null, Monday.AddMinutes(minutesFromNow), Nurse, "I", Monday).Box.Should().BeEmpty();
    }

    [Theory]
    [InlineData(RequestTeam.Psychiatric, Team.Psychiatric)]
    [InlineData(RequestTeam.Somatic, Team.Somatic)]
    [InlineData(RequestTeam.Dental, Team.Somatic)]
    [InlineData(RequestTeam.Other, Team.Somatic)]
    public void Psychiatric_slips_go_to_the_psychiatric_team_only(RequestTeam asked, Team reads)
    {
        // P30: the team that reads a slip is derived from the team the patient asked for.
        Slip(team: asked).RecordTeam.Should().Be(reads);
        CareRequest.RequestTeamsOf(reads).Should().Contain(asked);
        CareRequest.RequestTeamsOf(reads == Team.Somatic ? Team.Psychiatric : Team.Somatic).Should().NotContain(asked);
    }

    [Theory]
    [InlineData(new byte[] { 0xFF, 0xD8, 0xFF, 0xE0 }, "image/jpeg", "billet.jpg")]
    [InlineData(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0 }, "image/png", "billet.png")]
    [InlineData(new byte[] { 0x25, 0x50, 0x44, 0x46, 0x2D, 0x31 }, "application/pdf", "billet.pdf")]
    public void A_scan_is_typed_from_its_first_bytes_and_keeps_only_its_base_name_with_that_types_extension(byte[] content, string type, string stored)
    {
        var scan = new CareRequestScan(Guid.NewGuid(), "../../etc/billet.bin", content, Nurse, Monday);

        scan.ContentType.Should().Be(type);
        scan.FileName.Should().Be(stored);
    }

    [Fact]
    public void A_scan_that_is_empty_too_large_or_not_an_image_or_pdf_is_refused()
    {
        byte[] html = [.. "<html>"u8];
        byte[] huge = new byte[CareRequestScan.MaxBytes + 1];
        huge[0] = 0xFF; huge[1] = 0xD8; huge[2] = 0xFF;

        foreach (var content in new byte[][] { [], huge, html })
        {
            var upload = () => new CareRequestScan(Guid.NewGuid(), "billet.jpg", content, Nurse, Monday);
            upload.Should().Throw<DomainException>();
        }
    }

    [Theory]
    [InlineData(-5, "0 min")]
    [InlineData(12, "12 min")]
    [InlineData(5 * 60 + 59, "5 h")]
    [InlineData((3 * 24 + 4) * 60, "3 j 4 h")]
    [InlineData(60, "1 h")] // the boundaries: one hour is no longer minutes, one day no longer hours
    [InlineData(24 * 60, "1 j 0 h")]
    public void The_age_of_a_request_reads_in_minutes_hours_or_days(int minutes, string shown)
    {
        Labels.Age(TimeSpan.FromMinutes(minutes)).Should().Be(shown);
    }

    [Fact]
    public void Triage_keeps_the_nurses_note_or_says_the_urgency()
    {
        var withNote = Slip();
        withNote.Triage(Urgency.ThisWeek, "  Rappeler pour RDV dentaire ", Nurse, "Inf. Test", Monday);
        var withoutNote = Slip();
        withoutNote.Triage(Urgency.ThisWeek, " ", Nurse, "Inf. Test", Monday);

        withNote.Events[^1].Note.Should().Be("Rappeler pour RDV dentaire");
        withoutNote.Events[^1].Note.Should().StartWith("Triée (");
    }

    [Fact]
    public void A_consultation_at_the_very_time_of_collection_answers_the_request_an_earlier_one_does_not()
    {
        var before = () => Slip().AnsweredBy(Guid.NewGuid(), Collected.AddMinutes(-1), Nurse, "Dr Test", Monday);
        before.Should().Throw<DomainException>().WithMessage("*précède le dépôt*");

        var request = Slip();
        request.AnsweredBy(Guid.NewGuid(), Collected, Nurse, "Dr Test", Monday);
        request.AnsweredAt.Should().Be(Collected);
        request.AgeAt(Monday.AddDays(3)).Should().Be(TimeSpan.Zero, "the wait ended at the consultation");
    }

    [Fact]
    public void The_round_keeps_the_box_name_trimmed()
    {
        Round().Box.Should().Be("Boîte 1");
    }
}
