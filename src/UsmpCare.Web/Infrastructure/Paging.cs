using Microsoft.AspNetCore.Http.Extensions;

namespace UsmpCare.Web.Infrastructure;

/// <summary>One page of a list that can grow: « p » in the query string (« page » is Razor Pages' own route value), 50 rows a page, links keep the filters.</summary>
public sealed record Paged<T>(IReadOnlyList<T> Items, int Page, bool HasNext)
{
    public const int Size = 50;

    public bool HasPrevious => Page > 1;

    /// <summary>A page number from the query string, kept within what an OFFSET can hold.</summary>
    public static int Clamp(int page) => Math.Clamp(page, 1, 100_000);

    public static async Task<Paged<T>> FromAsync(IQueryable<T> ordered, int page, CancellationToken cancel = default)
    {
        page = Clamp(page);
        var rows = await ordered.Skip((page - 1) * Size).Take(Size + 1).ToListAsync(cancel);
        return new Paged<T>(rows.Take(Size).ToList(), page, rows.Count > Size);
    }

    public static Paged<T> From(IEnumerable<T> ordered, int page)
    {
        page = Clamp(page);
        var rows = ordered.Skip((page - 1) * Size).Take(Size + 1).ToList();
        return new Paged<T>(rows.Take(Size).ToList(), page, rows.Count > Size);
    }
}

public sealed record Pager(int Page, bool HasPrevious, bool HasNext, string PreviousUrl, string NextUrl)
{
    public static Pager For<T>(Paged<T> paged, HttpRequest request)
    {
        string UrlFor(int page)
        {
            var query = new QueryBuilder(request.Query.Where(q => q.Key != "p")
                .SelectMany(q => q.Value.Select(v => new KeyValuePair<string, string>(q.Key, v ?? ""))));
            query.Add("p", page.ToString(System.Globalization.CultureInfo.InvariantCulture));
            return request.Path + query.ToQueryString().Value;
        }
        return new Pager(paged.Page, paged.HasPrevious, paged.HasNext, UrlFor(paged.Page - 1), UrlFor(paged.Page + 1));
    }
}
