namespace Stayfull.Web.GuestCheckIn;

/// <summary>Bound from <c>CheckIn</c>.</summary>
public sealed class CheckInLinkOptions
{
    public const string Section = "CheckIn";

    /// <summary>The address guests reach the site at (https://pms.example.com), for links in messages sent by background work.</summary>
    public string? PublicBaseUrl { get; set; }

    /// <summary>
    /// How long a link lives from when it is made. Unset: until the end of the departure day in the
    /// hotel's time zone, so the guest can still see their key on the last morning.
    /// </summary>
    public TimeSpan? Lifetime { get; set; }
}
