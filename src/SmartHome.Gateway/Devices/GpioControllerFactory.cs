using System.Device.Gpio;

namespace SmartHome.Gateway.Devices;

/// <summary>Opens the GPIO controller the door switch takes over; <c>new GpioController()</c> on the Pi, a simulated driver in tests.</summary>
internal delegate GpioController GpioControllerFactory();
