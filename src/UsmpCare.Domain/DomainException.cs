namespace UsmpCare.Domain;

/// <summary>A rule of the domain refused an action; the messages are in French, for the user.</summary>
public sealed class DomainException(IReadOnlyList<string> problems) : Exception(string.Join(" ", problems))
{
    public DomainException(string problem) : this([problem])
    {
    }

    public IReadOnlyList<string> Problems { get; } = problems;
}
