using UsmpCare.Domain.Certificates;
using static UsmpCare.Domain.Tests.Instants;

namespace UsmpCare.Domain.Tests.Certificates;

public sealed class AdministrationRequestTests
{
    private static AdministrationRequest Request(string what = " Compatibilité avec l'isolement ", string? basis = " ") =>
        new(Guid.NewGuid(), Guid.NewGuid(), what, basis, Author, "Direction", Monday);

    [Fact]
    public void A_request_says_what_it_asks_for_and_starts_pending()
    {
        var blank = () => Request(what: " ");

        blank.Should().Throw<DomainException>();
        var request = Request();
        request.What.Should().Be("Compatibilité avec l'isolement");
        request.LegalBasis.Should().BeNull();
        request.Status.Should().Be(RequestStatus.Pending);
    }

    [Fact]
    public void A_refusal_is_reasoned_and_keeps_its_ground_for_the_register()
    {
        // P24: an undue request is refused with a reply that goes to the requester and to the register of refusals.
        var request = Request();
        request.Invoking(r => r.Refuse(RefusalGround.NoLegalBasis, " ", "Dr Test", Monday)).Should().Throw<DomainException>();
        request.Status.Should().Be(RequestStatus.Pending);

        request.Refuse(RefusalGround.NoLegalBasis, " Aucun texte ne le prévoit ", "Dr Test", Monday);

        request.Status.Should().Be(RequestStatus.Refused);
        request.Reply.Should().Be("Aucun texte ne le prévoit");
        request.RefusalGround.Should().Be(RefusalGround.NoLegalBasis);
        request.RepliedAt.Should().Be(Monday);
    }

    [Fact]
    public void A_request_gets_one_answer_only()
    {
        var refused = Request();
        refused.Refuse("Pas de texte", "Dr", Monday);
        var answered = Request();
        var document = Guid.NewGuid();
        answered.Answer(document, "Dr", Monday);

        refused.Invoking(r => r.Answer(Guid.NewGuid(), "Dr", Monday)).Should().Throw<DomainException>();
        answered.Invoking(r => r.Refuse("Finalement non", "Dr", Monday)).Should().Throw<DomainException>();
        answered.Invoking(r => r.Answer(Guid.NewGuid(), "Dr", Monday)).Should().Throw<DomainException>();
        refused.Status.Should().Be(RequestStatus.Refused);
        answered.Status.Should().Be(RequestStatus.Accepted);
        answered.IssuedDocumentId.Should().Be(document);
    }
}
