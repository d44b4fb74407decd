using UsmpCare.Domain.CareRequests;
using UsmpCare.Domain.Followup;
using UsmpCare.Domain.Patients;
using UsmpCare.Domain.Records;
using UsmpCare.Domain.Security;
using UsmpCare.Domain.Units;

namespace UsmpCare.Domain.Tests.Records;

/// <summary>Issue #21 (4): the structured entry visit — what it refuses, and what signing it produces.</summary>
public sealed class EntryVisitTests
{
    private static readonly DateOnly Today = new(2026, 11, 23);
    private static readonly DateTimeOffset Now = Instants.Monday;

    private static readonly Patient Arrival = new(Guid.NewGuid(), "99001", "Leroy", "Mathis", new DateOnly(1990, 3, 4), Sex.Male, Today.AddDays(-1));

    /// <summary>Every question answered, nothing accepted nor refused: produces nothing.</summary>
    private static EntryVisitAnswers Complete() => new()
    {
        Tobacco = SubstanceUse.None, Alcohol = SubstanceUse.None, Opioids = SubstanceUse.None,
        Substitution = OpioidSubstitution.None, Cannabis = SubstanceUse.None,
        SuicideRisk = RudLevel.Low, SuicideUrgency = RudLevel.Low, SuicideDangerousness = RudLevel.Low,
        Tuberculosis = ScreeningAnswer.AlreadyDone, Hiv = ScreeningAnswer.AlreadyDone, HepatitisB = ScreeningAnswer.AlreadyDone,
        HepatitisC = ScreeningAnswer.AlreadyDone,
        DtpStatus = VaccineStatus.UpToDate, DtpCatchUp = CatchUpAnswer.NotNeeded,
        HepatitisBVaccineStatus = VaccineStatus.UpToDate, HepatitisBCatchUp = CatchUpAnswer.NotNeeded,
        PsychiatricReferral = ReferralAnswer.NotOffered,
    };

    private static ClinicalEntry Draft() =>
        ClinicalEntry.New(Team.Somatic, EntryKind.Consultation, Arrival.Id, Arrival.UnitId, Instants.Author, "Dr Martin", Now);

    private static EntryVisitProducts Produce(EntryVisitAnswers answers, IEnumerable<Cim10Code>? codes = null,
        IEnumerable<string>? active = null) =>
        EntryVisit.Record(Draft(), Arrival, answers, Guid.NewGuid()).Produce(codes ?? [], active ?? [], [], Arrival.BirthDate, Today, Now);

    [Fact]
    public void A_refused_hiv_test_and_an_accepted_chest_xray_give_one_pending_xray_order_no_hiv_order_and_a_recall_to_offer_it_again()
    {
        var produced = Produce(Complete() with { Tuberculosis = ScreeningAnswer.Accepted, Hiv = ScreeningAnswer.Refused });

        var order = produced.Orders.Should().ContainSingle().Subject;
        order.Exam.Should().Be(Exam.ChestXray);
        order.Result.Should().BeNull("the X-ray's result is pending");
        TestOrder.Pending.Compile()(order).Should().BeTrue();
        order.Team.Should().Be(Team.Somatic);
        order.OrderedOn.Should().Be(Today);
        produced.Orders.Should().NotContain(o => o.Exam == Exam.HivSerology);
        var recall = produced.Recalls.Should().ContainSingle().Subject;
        recall.Reason.Should().Be(RecallReason.Screening);
        recall.Detail.Should().Contain("Sérologie VIH").And.Contain("reproposer");
        recall.DueOn.Should().Be(Today.AddMonths(EntryVisit.RefusedScreeningRecallMonths));
        recall.State.Should().Be(RecallState.Due);
        produced.Problems.Should().BeEmpty();
    }

    [Fact]
    public void An_accepted_psychiatric_referral_is_a_request_in_the_psychiatric_teams_queue_urgent_when_the_risk_is_high_and_nothing_otherwise()
    {
        var routine = Produce(Complete() with { PsychiatricReferral = ReferralAnswer.Accepted }).PsychiatricReferral!;
        var urgent = Produce(Complete() with { SuicideUrgency = RudLevel.High, PsychiatricReferral = ReferralAnswer.Accepted }).PsychiatricReferral!;

        routine.Should().Match<CareRequest>(r => r.Team == RequestTeam.Psychiatric && r.RecordTeam == Team.Psychiatric
            && r.Status == CareRequestStatus.New && r.Urgency == Urgency.ThisWeek && r.RoundId == null && r.PatientId == Arrival.Id
            && r.UnitId == Arrival.UnitId && r.CollectedAt == Now && r.Wing == EntryVisit.ReferralOrigin && r.IsOpen);
        urgent.Urgency.Should().Be(Urgency.Urgent);
        urgent.Summary.Should().Contain("urgence élevé");
        Produce(Complete() with { PsychiatricReferral = ReferralAnswer.Refused }).PsychiatricReferral.Should().BeNull();
        Produce(Complete()).PsychiatricReferral.Should().BeNull();
    }

    [Fact]
    public void Every_accepted_screening_is_ordered_and_a_refused_chest_xray_is_offered_again_within_the_week()
    {
        var produced = Produce(Complete() with
        {
            Tuberculosis = ScreeningAnswer.Refused, Hiv = ScreeningAnswer.Accepted, HepatitisB = ScreeningAnswer.Accepted,
            HepatitisC = ScreeningAnswer.Accepted,
        });

        produced.Orders.Select(o => o.Exam).Should().BeEquivalentTo([Exam.HivSerology, Exam.HepatitisBSerology, Exam.HepatitisCSerology]);
        produced.Recalls.Should().ContainSingle().Which.DueOn.Should().Be(Today.AddDays(EntryVisit.RefusedChestXrayRecallDays));
    }

    [Fact]
    public void Current_addictions_and_coded_antecedents_go_on_the_problem_list_once()
    {
        var answers = Complete() with
        {
            Tobacco = SubstanceUse.Current, CigarettesPerDay = 20, Alcohol = SubstanceUse.Former, Opioids = SubstanceUse.Current,
            Substitution = OpioidSubstitution.Methadone, SubstitutionDose = "60 mg/j",
        };

        var produced = Produce(answers, [Cim10.Find("J45.9")!, Cim10.Find("I10")!], active: ["I10"]);

        produced.Problems.Select(p => p.Code).Should().BeEquivalentTo(["J45.9", "Z72.0", "F11.2"],
            "hypertension is already on the active list; tobacco and opiate dependence under methadone are current");
        produced.Problems.Should().OnlyContain(p => p.Team == Team.Somatic && p.Status == ProblemStatus.Active && p.FromEntryId != null);
    }

    [Fact]
    public void An_accepted_catch_up_recalls_the_next_dose_and_a_refused_one_is_offered_again()
    {
        var produced = Produce(Complete() with
        {
            DtpStatus = VaccineStatus.Unknown, DtpCatchUp = CatchUpAnswer.Accepted,
            HepatitisBVaccineStatus = VaccineStatus.Incomplete, HepatitisBCatchUp = CatchUpAnswer.Refused,
        });

        produced.Recalls.Should().HaveCount(2);
        var dose = produced.Recalls.Single(r => r.Vaccine == Vaccine.Dtp);
        dose.Reason.Should().Be(RecallReason.VaccineDose);
        dose.DueOn.Should().Be(Today, "no dTP dose recorded: the first is due now");
        produced.Recalls.Single(r => r.Vaccine is null).Detail.Should().Contain("Hépatite B").And.Contain("refusé");
        produced.Orders.Should().BeEmpty();
    }

    [Fact]
    public void A_missing_risk_level_or_screening_answer_is_refused_in_french_and_the_draft_is_left_as_it_was()
    {
        var entry = Draft();
        var missing = Complete() with { SuicideUrgency = null, Hiv = null };

        var act = () => EntryVisit.Record(entry, Arrival, missing, Guid.NewGuid());

        var problems = act.Should().Throw<DomainException>().Which.Problems;
        problems.Should().Contain(p => p.Contains("risque, l'urgence et la dangerosité"));
        problems.Should().Contain(p => p.Contains("la sérologie VIH"));
        problems.Should().HaveCount(2);
        entry.ConsultationType.Should().BeNull();
        entry.Note.Should().BeNull();
    }

    [Fact]
    public void Each_question_of_the_visit_must_be_answered()
    {
        EntryVisit.AnswerProblems(new EntryVisitAnswers(), sheetHanded: false).Should().HaveCount(10);
        EntryVisit.AnswerProblems(Complete(), sheetHanded: true).Should().BeEmpty();
    }

    [Fact]
    public void A_high_suicidal_risk_or_urgency_needs_the_referral_to_the_psychiatric_team_offered()
    {
        EntryVisitAnswers With(RudLevel risk, RudLevel urgency, ReferralAnswer referral) =>
            Complete() with { SuicideRisk = risk, SuicideUrgency = urgency, PsychiatricReferral = referral };

        EntryVisit.AnswerProblems(With(RudLevel.Low, RudLevel.High, ReferralAnswer.NotOffered), true)
            .Should().ContainSingle().Which.Should().Contain("l'orientation vers l'équipe de psychiatrie");
        EntryVisit.AnswerProblems(With(RudLevel.High, RudLevel.Low, ReferralAnswer.NotOffered), true).Should().ContainSingle();
        EntryVisit.AnswerProblems(With(RudLevel.High, RudLevel.High, ReferralAnswer.Refused), true).Should().BeEmpty();
        EntryVisit.AnswerProblems(With(RudLevel.Medium, RudLevel.Medium, ReferralAnswer.NotOffered), true).Should().BeEmpty();
    }

    [Fact]
    public void P09_without_the_information_sheet_handed_for_this_stay_the_physician_says_why()
    {
        var answers = Complete();
        EntryVisit.AnswerProblems(answers, sheetHanded: false).Should().ContainSingle().Which.Should().Contain("(P09)");
        var withReason = answers with { SheetNotHandedReason = "Ne lit pas le français ; livret en arabe non disponible, information orale faite." };
        var visit = EntryVisit.Record(Draft(), Arrival, withReason, informationSheetId: null);
        visit.Summary().Should().Contain("Livret d'information non remis : Ne lit pas le français");
    }

    [Fact]
    public void A_substitution_treatment_needs_its_dose_so_that_it_goes_on_without_a_break()
    {
        var answers = Complete() with { Opioids = SubstanceUse.Former, Substitution = OpioidSubstitution.Buprenorphine };
        EntryVisit.AnswerProblems(answers, true).Should().ContainSingle().Which.Should().Contain("posologie");
    }

    [Fact]
    public void The_visit_is_written_in_the_somatic_record_as_an_entry_visit_with_its_summary()
    {
        var psychiatric = ClinicalEntry.New(Team.Psychiatric, EntryKind.Consultation, Arrival.Id, Arrival.UnitId, Instants.Author, "Dr Roux", Now);
        ((Action)(() => EntryVisit.Record(psychiatric, Arrival, Complete(), Guid.NewGuid()))).Should().Throw<DomainException>()
            .WithMessage("*dossier somatique*");

        var entry = Draft();
        var visit = EntryVisit.Record(entry, Arrival, Complete(), Guid.NewGuid());

        entry.ConsultationType.Should().Be(ConsultationType.Arrival);
        entry.Note.Should().StartWith("Visite d'entrée structurée.").And.Contain("Crise suicidaire (RUD) : risque faible");
        visit.ArrivalDate.Should().Be(Arrival.ArrivalDate);
        visit.EntryId.Should().Be(entry.Id);
    }

    [Fact]
    public void The_unit_sets_its_entry_visit_target_and_an_arrival_past_it_is_overdue()
    {
        var unit = new Unit("MA-T", "USMP de test", EstablishmentType.MA, "CH de test", "01 00 00 00 00", "1 rue du Test");
        var arrived = Now.AddHours(-30);
        unit.EntryVisitTargetHours.Should().Be(48);
        unit.EntryVisitOverdue(arrived, Now).Should().BeFalse();

        unit.SetEntryVisitTarget(24);

        unit.EntryVisitOverdue(arrived, Now).Should().BeTrue();
        unit.EntryVisitOverdue(Now.AddHours(-24), Now).Should().BeFalse("exactly at the target is not late");
        ((Action)(() => unit.SetEntryVisitTarget(0))).Should().Throw<DomainException>().WithMessage("*de 1 à 240 heures*");
        ((Action)(() => unit.SetEntryVisitTarget(241))).Should().Throw<DomainException>();
        unit.EntryVisitTargetHours.Should().Be(24);
    }
}
