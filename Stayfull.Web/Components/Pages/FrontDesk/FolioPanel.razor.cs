using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Stayfull.Domain.Common;
using Stayfull.Domain.Folios;
using Stayfull.Domain.Reservations;
using Stayfull.Web.Components.Common;

namespace Stayfull.Web.Components.Pages.FrontDesk;

/// <summary>A reservation's folio with the desk's postings; amounts are typed in major units of the hotel's currency.</summary>
public partial class FolioPanel
{
    private string? _chargeDescription;
    private decimal? _chargeAmount;
    private string? _chargeError;
    private string? _paymentDescription = "Payment";
    private decimal? _paymentAmount;
    private string? _paymentError;
    private string? _refundDescription = "Refund";
    private decimal? _refundAmount;
    private string? _refundError;
    private bool _isManager;
    private bool _busy;

    [Parameter, EditorRequired]
    public ReservationDetails Details { get; set; } = default!;

    [Parameter]
    public EventCallback OnChanged { get; set; }

    [CascadingParameter]
    private Task<AuthenticationState>? Authentication { get; set; }

    [Inject]
    private FolioService Folios { get; set; } = default!;

    [Inject]
    private UiActions Ui { get; set; } = default!;

    private Folio Folio => Details.Folio;

    private Guid ReservationId => Details.Summary.Id;

    private static Dictionary<string, object?> TestId(string id) => new() { ["data-testid"] = id };

    protected override async Task OnInitializedAsync() => _isManager = await DeskUser.IsManagerAsync(Authentication);

    private static string KindLabel(FolioEntryKind kind) => kind switch
    {
        FolioEntryKind.RoomNight => "Room night",
        FolioEntryKind.Charge => "Extra",
        FolioEntryKind.Payment => "Payment",
        FolioEntryKind.Refund => "Refund",
        _ => kind.ToString(),
    };

    private async Task AddChargeAsync()
    {
        _chargeError = AmountError(_chargeAmount, out var amount);
        if (_chargeError is null && await PostAsync(() => Folios.AddChargeAsync(ReservationId, _chargeDescription ?? "", amount.Minor, CancellationToken.None), $"Charge of {amount} added"))
        {
            _chargeAmount = null;
            _chargeDescription = null;
        }
    }

    private async Task RecordPaymentAsync()
    {
        _paymentError = AmountError(_paymentAmount, out var amount);
        if (_paymentError is null && await PostAsync(() => Folios.RecordPaymentAsync(ReservationId, _paymentDescription ?? "", amount.Minor, CancellationToken.None), $"Payment of {amount} recorded"))
        {
            _paymentAmount = null;
        }
    }

    private async Task RefundAsync()
    {
        _refundError = AmountError(_refundAmount, out var amount);
        if (_refundError is null && await PostAsync(() => Folios.RefundAsync(ReservationId, _refundDescription ?? "", amount.Minor, CancellationToken.None), $"Refund of {amount} recorded"))
        {
            _refundAmount = null;
        }
    }

    /// <summary>Reads a typed amount such as 12.50 in the hotel's currency; null when it can be posted.</summary>
    private string? AmountError(decimal? major, out Money amount)
    {
        amount = Money.Zero(Folio.Currency);
        if (major is null)
        {
            return "Enter an amount, for example 12.50.";
        }

        amount = Money.FromMajor(major.Value, Folio.Currency);
        return amount.Minor <= 0 ? "The amount must be above zero." : null;
    }

    private async Task<bool> PostAsync(Func<Task> post, string success)
    {
        _busy = true;
        try
        {
            var done = await Ui.RunAsync(post, success);
            if (done)
            {
                await OnChanged.InvokeAsync();
            }

            return done;
        }
        finally
        {
            _busy = false;
        }
    }
}
