using Stayfull.Domain.Common;
using Stayfull.Domain.Tenancy;

namespace Stayfull.Domain.Upsells;

/// <summary>
/// A hotel's early check-in and late check-out offers: whether each is sold, the hour it moves to and its
/// price. A hotel that never saved its own has <see cref="Defaults"/> (both off).
/// </summary>
public sealed class UpsellSettings : ITenantOwned
{
    public const long HighestPriceMinor = 100_000_00;

    private UpsellSettings()
    {
    }

    private UpsellSettings(Guid hotelId)
    {
        Id = Guid.CreateVersion7();
        HotelId = hotelId;
        EarlyCheckInFrom = new TimeOnly(10, 0);
        LateCheckOutUntil = new TimeOnly(14, 0);
    }

    public Guid Id { get; private set; }

    public Guid HotelId { get; private set; }

    public bool EarlyCheckInEnabled { get; private set; }

    /// <summary>The hour an early guest may enter, hotel time.</summary>
    public TimeOnly EarlyCheckInFrom { get; private set; }

    public long EarlyCheckInPriceMinor { get; private set; }

    public bool LateCheckOutEnabled { get; private set; }

    /// <summary>The hour a late guest must leave by, hotel time.</summary>
    public TimeOnly LateCheckOutUntil { get; private set; }

    public long LateCheckOutPriceMinor { get; private set; }

    /// <summary>0 for settings never saved (the defaults); bumped on every save.</summary>
    public int Version { get; private set; }

    public static UpsellSettings Defaults(Guid hotelId) => new(hotelId);

    public UpsellSettingsValues Values => new(EarlyCheckInEnabled, EarlyCheckInFrom, EarlyCheckInPriceMinor, LateCheckOutEnabled, LateCheckOutUntil, LateCheckOutPriceMinor);

    /// <summary>Applies new values, or refuses them all with every reason at once.</summary>
    public void Update(UpsellSettingsValues values, TimeOnly checkInTime, TimeOnly checkOutTime)
    {
        var errors = Validate(values, checkInTime, checkOutTime);
        if (errors.Count > 0)
        {
            throw new ValidationException(errors);
        }

        EarlyCheckInEnabled = values.EarlyCheckInEnabled;
        EarlyCheckInFrom = values.EarlyCheckInFrom;
        EarlyCheckInPriceMinor = values.EarlyCheckInPriceMinor;
        LateCheckOutEnabled = values.LateCheckOutEnabled;
        LateCheckOutUntil = values.LateCheckOutUntil;
        LateCheckOutPriceMinor = values.LateCheckOutPriceMinor;
        Version++;
    }

    /// <returns>Field name to the reasons it is refused; empty when the values make sense for the hotel's hours.</returns>
    public static Dictionary<string, string[]> Validate(UpsellSettingsValues v, TimeOnly checkInTime, TimeOnly checkOutTime)
    {
        var errors = new Dictionary<string, string[]>();
        if (v.EarlyCheckInFrom >= checkInTime)
        {
            errors[nameof(v.EarlyCheckInFrom)] = [$"Early check-in must start before the usual check-in time ({checkInTime:HH\\:mm})."];
        }

        if (v.LateCheckOutUntil <= checkOutTime)
        {
            errors[nameof(v.LateCheckOutUntil)] = [$"Late check-out must end after the usual check-out time ({checkOutTime:HH\\:mm})."];
        }

        if (v.EarlyCheckInPriceMinor is < 0 or > HighestPriceMinor || (v.EarlyCheckInEnabled && v.EarlyCheckInPriceMinor == 0))
        {
            errors[nameof(v.EarlyCheckInPriceMinor)] = ["Set a price above zero for early check-in."];
        }

        if (v.LateCheckOutPriceMinor is < 0 or > HighestPriceMinor || (v.LateCheckOutEnabled && v.LateCheckOutPriceMinor == 0))
        {
            errors[nameof(v.LateCheckOutPriceMinor)] = ["Set a price above zero for late check-out."];
        }

        return errors;
    }
}

/// <summary>What a manager edits on the upsell settings page.</summary>
public sealed record UpsellSettingsValues(
    bool EarlyCheckInEnabled,
    TimeOnly EarlyCheckInFrom,
    long EarlyCheckInPriceMinor,
    bool LateCheckOutEnabled,
    TimeOnly LateCheckOutUntil,
    long LateCheckOutPriceMinor);
