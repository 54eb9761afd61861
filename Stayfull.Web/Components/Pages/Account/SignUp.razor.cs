using Stayfull.Domain.Common;
using Stayfull.Domain.Hotels;
using Stayfull.Web.Auth;

namespace Stayfull.Web.Components.Pages.Account;

public sealed partial class SignUp
{
    private static readonly string[] Steps = ["You", "Your hotel", "Rooms", "Rates"];

    private readonly SignUpForm _form = new();
    private IReadOnlyList<string> _errors = [];
    private int _step;
    private bool _busy;

    private void Next()
    {
        // Only what the wizard itself asks for; every other rule is checked once, on finish, by the service.
        _errors = _step == 0 && !string.Equals(_form.Password, _form.RepeatPassword, StringComparison.Ordinal)
            ? ["The two passwords differ."]
            : [];
        if (_errors.Count == 0)
        {
            _step++;
        }
    }

    private async Task FinishAsync()
    {
        _busy = true;
        _errors = [];
        try
        {
            await SignUps.SignUpAsync(_form.ToRequest(), CancellationToken.None);
            Navigation.NavigateTo($"/account/login?welcome=true&email={Uri.EscapeDataString(_form.Email.Trim())}", forceLoad: true);
        }
        catch (ValidationException ex)
        {
            _errors = [.. ex.Errors.SelectMany(e => e.Value)];
            _step = ex.Errors.Keys.Select(StepOf).DefaultIfEmpty(_step).Min();
        }
        catch (DomainException ex)
        {
            _errors = [ex.Message];
        }
        finally
        {
            _busy = false;
        }
    }

    /// <summary>Sends the person back to the step where the refused field is.</summary>
    private static int StepOf(string field) => field switch
    {
        "ownerName" or "email" or "password" or "account" => 0,
        "name" or "timeZoneId" or "currency" => 1,
        "roomTypes" or "roomNumbers" or "code" or "capacity" or "baseRate" => 2,
        _ => Steps.Length - 1,
    };
}

/// <summary>What the wizard collects, bindable field by field.</summary>
public sealed class SignUpForm
{
    public string OwnerName { get; set; } = "";

    public string Email { get; set; } = "";

    public string Password { get; set; } = "";

    public string RepeatPassword { get; set; } = "";

    public string HotelName { get; set; } = "";

    public string TimeZoneId { get; set; } = "Europe/Lisbon";

    public string Currency { get; set; } = "EUR";

    public TimeSpan? CheckIn { get; set; } = new(15, 0, 0);

    public TimeSpan? CheckOut { get; set; } = new(11, 0, 0);

    public string Line1 { get; set; } = "";

    public string City { get; set; } = "";

    public string PostalCode { get; set; } = "";

    public string CountryCode { get; set; } = "";

    public List<SignUpRoomTypeRow> RoomTypes { get; } = [new()];

    public bool AddNonRefundablePlan { get; set; } = true;

    public SignUpRequest ToRequest() => new(
        OwnerName,
        Email,
        Password,
        new OnboardingRequest(
            HotelName,
            TimeZoneId,
            Currency,
            CheckIn is { } checkIn ? TimeOnly.FromTimeSpan(checkIn) : new TimeOnly(15, 0),
            CheckOut is { } checkOut ? TimeOnly.FromTimeSpan(checkOut) : new TimeOnly(11, 0),
            new Address(Line1.Trim(), City.Trim(), PostalCode.Trim(), CountryCode.Trim().ToUpperInvariant()),
            [.. RoomTypes.Select(t => new RoomTypeSpec(t.Code, t.Name, t.Capacity, Money.FromMajor(t.BaseRate, Currency).Minor, t.RoomNumbers))],
            AddNonRefundablePlan));
}

/// <summary>One room type row of the wizard; the rate is typed in major units.</summary>
public sealed class SignUpRoomTypeRow
{
    public string Code { get; set; } = "DBL";

    public string Name { get; set; } = "Double room";

    public int Capacity { get; set; } = 2;

    public decimal BaseRate { get; set; } = 100;

    /// <summary>Numbers and ranges, e.g. "101-110, 201".</summary>
    public string RoomNumbers { get; set; } = "101-110";
}
