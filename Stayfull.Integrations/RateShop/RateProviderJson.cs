using System.Globalization;
using System.Text.Json;
using Stayfull.Domain.Common;
using Stayfull.Domain.Pricing;

namespace Stayfull.Integrations.RateShop;

/// <summary>Reads one page of the rate provider's answer (see <see cref="ProviderRateShopper"/> for the contract).</summary>
internal static class RateProviderJson
{
    /// <summary>The page's valid rates, how many items were skipped as unreadable, and the cursor of the next page.</summary>
    public static (List<ShoppedRate> Rates, int Skipped, string? NextCursor) Page(JsonElement root, DateTimeOffset now)
    {
        var rates = new List<ShoppedRate>();
        var skipped = 0;
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("items", out var items) || items.ValueKind != JsonValueKind.Array)
        {
            throw new RateShopException("The rate provider answered without an items array.", isTransient: true);
        }

        foreach (var item in items.EnumerateArray())
        {
            if (Rate(item, now) is { } rate)
            {
                rates.Add(rate);
            }
            else
            {
                skipped++;
            }
        }

        var cursor = root.TryGetProperty("next_cursor", out var next) && next.ValueKind == JsonValueKind.String && next.GetString() is { Length: > 0 } value ? value : null;
        return (rates, skipped, cursor);
    }

    /// <summary>One item, or null when a field is missing or malformed (a sold-out date comes with a null price).</summary>
    internal static ShoppedRate? Rate(JsonElement item, DateTimeOffset now)
    {
        if (item.ValueKind != JsonValueKind.Object
            || String(item, "hotel_id") is not { } hotel
            || String(item, "room_category") is not { } category || category.Length > 100
            || String(item, "currency") is not { Length: 3 } currency || !IsoCurrencies.IsKnown(currency.ToUpperInvariant())
            || !DateOnly.TryParseExact(String(item, "date"), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            || Price(item) is not { } price || price <= 0)
        {
            return null;
        }

        var fetchedAt = DateTimeOffset.TryParse(String(item, "fetched_at"), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at) ? at.ToUniversalTime() : now;
        currency = currency.ToUpperInvariant();
        return new ShoppedRate(hotel, date, category, Money.FromMajor(price, currency).Minor, currency, fetchedAt > now ? now : fetchedAt);
    }

    /// <summary>A number, or a string holding a decimal with a point ("129.50"), in major units.</summary>
    private static decimal? Price(JsonElement item)
    {
        if (!item.TryGetProperty("price", out var price))
        {
            return null;
        }

        return price.ValueKind switch
        {
            JsonValueKind.Number when price.TryGetDecimal(out var number) => number,
            JsonValueKind.String when decimal.TryParse(price.GetString(), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var text) => text,
            _ => null,
        };
    }

    private static string? String(JsonElement item, string name) =>
        item.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { } text && text.Trim().Length > 0 ? text.Trim() : null;

    /// <summary>The provider's error message from <c>{"error":{"message"}}</c>, <c>{"error":"…"}</c> or <c>{"message"}</c>.</summary>
    public static string? ErrorMessage(string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return null;
            }

            if (root.TryGetProperty("error", out var error))
            {
                return error.ValueKind == JsonValueKind.String ? error.GetString() : String(error, "message");
            }

            return String(root, "message");
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
