// CPU % and memory of the running agent, from the stream's metrics messages (uPlot, from a WebJar).

const MIB = 1024 * 1024;

export class ResourceChart {

  constructor(container) {
    this.container = container;
    this.data = [[], [], []];
    this.plot = null;
    this.pending = false;
    this.container.dataset.points = '0';
    this.resize = () => this.plot && this.plot.setSize(this.size());
    window.addEventListener('resize', this.resize);
  }

  size() {
    return { width: Math.max(240, this.container.clientWidth), height: 180 };
  }

  /** One metrics sample: seconds since the execution started, CPU %, bytes. */
  add(durationMs, cpuPercent, memoryBytes) {
    this.data[0].push(durationMs / 1000);
    this.data[1].push(cpuPercent);
    this.data[2].push(memoryBytes / MIB);
    this.container.dataset.points = String(this.data[0].length);
    if (!this.pending) {
      this.pending = true;
      requestAnimationFrame(() => this.draw());
    }
  }

  draw() {
    this.pending = false;
    if (this.plot) {
      this.plot.setData(this.data);
      return;
    }
    if (typeof window.uPlot !== 'function') {
      return;
    }
    this.plot = new window.uPlot({
      ...this.size(),
      scales: { x: { time: false } },
      axes: [
        { label: 's' },
        { label: 'CPU %', scale: '%' },
        { label: 'MiB', scale: 'mib', side: 1, grid: { show: false } },
      ],
      series: [
        { label: 'elapsed (s)' },
        { label: 'CPU %', scale: '%', stroke: '#d9480f', width: 2 },
        { label: 'memory MiB', scale: 'mib', stroke: '#1c7ed6', width: 2 },
      ],
    }, this.data, this.container);
  }

  destroy() {
    window.removeEventListener('resize', this.resize);
    if (this.plot) {
      this.plot.destroy();
    }
    this.container.replaceChildren();
    this.container.dataset.points = '0';
  }
}
