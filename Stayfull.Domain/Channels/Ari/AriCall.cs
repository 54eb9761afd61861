using Stayfull.Domain.Tenancy;

namespace Stayfull.Domain.Channels.Ari;

/// <summary>
/// One ARI call made to the channel manager, successful or not. The log is also the per-minute budget:
/// it is in the database, so every web instance counts the same calls.
/// </summary>
public sealed class AriCall : ITenantOwned
{
    private const int MaxTextLength = 500;

    private AriCall()
    {
    }

    public AriCall(Guid hotelId, AriKind kind, DateTimeOffset at, int valueCount, DateOnly from, DateOnly to, bool isFullSync)
    {
        Id = Guid.CreateVersion7();
        HotelId = hotelId;
        Kind = kind;
        At = at;
        ValueCount = valueCount;
        From = from;
        To = to;
        IsFullSync = isFullSync;
    }

    public Guid Id { get; private set; }

    public Guid HotelId { get; private set; }

    public AriKind Kind { get; private set; }

    public DateTimeOffset At { get; private set; }

    /// <summary>How many values (date ranges with their numbers) the call carried.</summary>
    public int ValueCount { get; private set; }

    /// <summary>First and last night the call covered.</summary>
    public DateOnly From { get; private set; }

    public DateOnly To { get; private set; }

    public bool IsFullSync { get; private set; }

    public bool Succeeded { get; private set; }

    /// <summary>Answered by the simulated channel manager of a hotel without credentials.</summary>
    public bool IsDemo { get; private set; }

    public int WarningCount { get; private set; }

    /// <summary>The channel manager's task ids, comma separated (support and certification ask for them).</summary>
    public string TaskIds { get; private set; } = "";

    public string? Problem { get; private set; }

    public void Completed(AriPushResult result)
    {
        Succeeded = true;
        IsDemo = result.IsDemo;
        WarningCount = result.Warnings.Count;
        TaskIds = Cut(string.Join(',', result.TaskIds));
    }

    public void Failed(string problem)
    {
        Succeeded = false;
        Problem = Cut(problem);
    }

    private static string Cut(string text) => text.Length > MaxTextLength ? text[..MaxTextLength] : text;
}
