namespace Stayfull.Domain.Pricing;

/// <summary>A competitor the shopper is asked about: the provider's id, and our name for it.</summary>
public sealed record ShoppedHotel(string ExternalId, string Name);

/// <summary>One competitor price as a provider reports it.</summary>
public sealed record ShoppedRate(string CompetitorExternalId, DateOnly Date, string Category, long PriceMinor, string Currency, DateTimeOffset FetchedAt);

/// <summary>
/// Port: competitors' public rates for a range of stay dates, from a rate-data provider (or the demo
/// market), first to last stay night inclusive. Failures throw <see cref="RateShopException"/>.
/// </summary>
public interface IRateShopper
{
    RateSource Source(Guid hotelId);

    Task<IReadOnlyList<ShoppedRate>> ShopAsync(Guid hotelId, IReadOnlyList<ShoppedHotel> competitors, DateOnly firstNight, DateOnly lastNight, CancellationToken cancellationToken);
}

/// <summary>The provider refused or failed; <see cref="IsTransient"/> says whether a later try may work.</summary>
public sealed class RateShopException(string message, bool isTransient, Exception? inner = null) : Exception(message, inner)
{
    public bool IsTransient { get; } = isTransient;
}
