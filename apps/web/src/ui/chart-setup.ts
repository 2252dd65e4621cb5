// chart.js, tree-shaken to the parts the views draw, loaded only by the pages with charts.
import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
} from 'chart.js';

Chart.register(BarController, BarElement, LineController, LineElement, PointElement, CategoryScale, LinearScale, Legend, Tooltip);
Chart.defaults.font.family = 'Marianne, arial, sans-serif';
Chart.defaults.locale = 'fr-FR';

export { Chart };
