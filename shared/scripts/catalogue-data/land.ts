import { feeText, form, ID_DOC, vnd, type SampleArea } from './types.js';

const GCN = 'Giấy chứng nhận quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất';
const GCN_ORIGINAL = `Bản gốc ${GCN} đã cấp`;
const LAND_FEES = [
  feeText(
    'Lệ phí cấp Giấy chứng nhận',
    'Theo mức do Hội đồng nhân dân tỉnh quy định (hộ gia đình, cá nhân thường 25.000 - 100.000 đồng/giấy)',
  ),
  feeText('Phí thẩm định hồ sơ', 'Theo mức do Hội đồng nhân dân tỉnh quy định'),
];
const CHANGE_FEES = [
  vnd('Lệ phí chứng nhận đăng ký biến động', 30_000),
  feeText('Phí thẩm định hồ sơ', 'Theo mức do Hội đồng nhân dân tỉnh quy định'),
  feeText('Lệ phí trước bạ, thuế thu nhập cá nhân (nếu có)', 'Theo thông báo của cơ quan thuế'),
];
const BUILD_DRAWINGS = '2× Bản vẽ thiết kế xây dựng | mặt bằng, mặt cắt, mặt đứng, móng và đấu nối hạ tầng';
const LAND_PROOF = 'Bản sao giấy tờ chứng minh quyền sử dụng đất | có chứng thực hoặc xuất trình bản chính';
const ENV = feeText('Phí thẩm định', 'Theo mức do Hội đồng nhân dân tỉnh quy định');
const WATER = feeText(
  'Phí thẩm định đề án, báo cáo',
  'Theo mức do Hội đồng nhân dân tỉnh quy định, tùy lưu lượng',
);

export const land: SampleArea[] = [
  {
    areaId: 'xd-cpxd',
    departmentId: 'sxd',
    level: 'province',
    procedures: [
      {
        n: 'Cấp giấy phép xây dựng mới đối với nhà ở riêng lẻ',
        d: 15,
        lv: 'district',
        f: [vnd('Lệ phí cấp giấy phép xây dựng', 75_000)],
        docs: [
          form('Đơn đề nghị cấp giấy phép xây dựng'),
          LAND_PROOF,
          BUILD_DRAWINGS,
          'Bản kê khai kinh nghiệm của tổ chức, cá nhân thiết kế (nhà từ 3 tầng hoặc 250 m² sàn trở lên)',
        ],
        s: ['xin phép xây nhà', 'giấy phép xây nhà'],
      },
      {
        n: 'Cấp giấy phép sửa chữa, cải tạo đối với nhà ở riêng lẻ',
        d: 15,
        lv: 'district',
        f: [vnd('Lệ phí cấp giấy phép xây dựng', 75_000)],
        docs: [
          form('Đơn đề nghị cấp giấy phép sửa chữa, cải tạo'),
          LAND_PROOF,
          'Ảnh chụp hiện trạng công trình đề nghị sửa chữa, cải tạo',
          BUILD_DRAWINGS,
        ],
        s: ['xin phép sửa nhà'],
      },
      {
        n: 'Cấp giấy phép xây dựng mới đối với công trình không theo tuyến',
        d: 20,
        f: [vnd('Lệ phí cấp giấy phép xây dựng', 150_000)],
        docs: [
          form('Đơn đề nghị cấp giấy phép xây dựng'),
          LAND_PROOF,
          'Quyết định phê duyệt dự án, văn bản thông báo kết quả thẩm định',
          BUILD_DRAWINGS,
        ],
      },
      {
        n: 'Cấp giấy phép xây dựng mới đối với công trình theo tuyến',
        d: 20,
        f: [vnd('Lệ phí cấp giấy phép xây dựng', 150_000)],
        docs: [
          form('Đơn đề nghị cấp giấy phép xây dựng'),
          'Văn bản chấp thuận về hướng tuyến của cơ quan có thẩm quyền',
          BUILD_DRAWINGS,
        ],
      },
      {
        n: 'Cấp giấy phép sửa chữa, cải tạo đối với công trình',
        d: 20,
        f: [vnd('Lệ phí cấp giấy phép xây dựng', 150_000)],
        docs: [
          form('Đơn đề nghị cấp giấy phép sửa chữa, cải tạo'),
          LAND_PROOF,
          'Ảnh chụp hiện trạng công trình',
          BUILD_DRAWINGS,
        ],
      },
      {
        n: 'Cấp giấy phép di dời đối với công trình',
        d: 20,
        f: [vnd('Lệ phí cấp giấy phép xây dựng', 150_000)],
        docs: [
          form('Đơn đề nghị cấp giấy phép di dời'),
          'Giấy tờ chứng minh quyền sử dụng đất nơi công trình sẽ di dời đến',
          'Phương án di dời',
        ],
      },
      {
        n: 'Cấp điều chỉnh giấy phép xây dựng đối với công trình, nhà ở riêng lẻ',
        d: 15,
        f: [vnd('Lệ phí', 75_000)],
        docs: [
          form('Đơn đề nghị điều chỉnh giấy phép xây dựng'),
          'Bản chính giấy phép xây dựng đã được cấp',
          BUILD_DRAWINGS,
        ],
      },
      {
        n: 'Gia hạn giấy phép xây dựng',
        d: 5,
        f: [vnd('Lệ phí', 15_000)],
        docs: [form('Đơn đề nghị gia hạn giấy phép xây dựng'), 'Bản chính giấy phép xây dựng đã được cấp'],
      },
      {
        n: 'Cấp lại giấy phép xây dựng',
        d: 5,
        f: [vnd('Lệ phí', 15_000)],
        docs: [
          form('Đơn đề nghị cấp lại giấy phép xây dựng'),
          'Bản chính giấy phép xây dựng bị rách, nát (nếu có)',
        ],
      },
      {
        n: 'Cấp giấy phép xây dựng có thời hạn đối với nhà ở riêng lẻ',
        d: 15,
        lv: 'district',
        f: [vnd('Lệ phí cấp giấy phép xây dựng', 75_000)],
        docs: [
          form('Đơn đề nghị cấp giấy phép xây dựng có thời hạn'),
          LAND_PROOF,
          BUILD_DRAWINGS,
          'Cam kết tự phá dỡ công trình khi Nhà nước thực hiện quy hoạch',
        ],
      },
      {
        n: 'Cấp chứng chỉ hành nghề hoạt động xây dựng hạng II, hạng III',
        d: 20,
        f: [vnd('Lệ phí cấp chứng chỉ', 150_000), feeText('Phí sát hạch', 'Theo quy định của Bộ Tài chính')],
        docs: [
          form('Đơn đề nghị cấp chứng chỉ hành nghề'),
          'Ảnh màu 4 x 6 cm chụp trong 6 tháng',
          'Văn bằng do cơ sở đào tạo hợp pháp cấp',
          'Bản khai kinh nghiệm nghề nghiệp',
        ],
      },
      {
        n: 'Cấp chứng chỉ năng lực hoạt động xây dựng hạng II, hạng III',
        d: 20,
        f: [vnd('Phí thẩm định cấp chứng chỉ năng lực', 1_000_000)],
        docs: [
          form('Đơn đề nghị cấp chứng chỉ năng lực'),
          'Quyết định bổ nhiệm các chức danh chủ chốt',
          'Bản kê khai năng lực, kinh nghiệm của tổ chức',
        ],
      },
      {
        n: 'Thẩm định Báo cáo nghiên cứu khả thi đầu tư xây dựng',
        d: 35,
        f: [
          feeText(
            'Phí thẩm định dự án',
            'Theo tỷ lệ phần trăm tổng mức đầu tư, theo quy định của Bộ Tài chính',
          ),
        ],
        docs: [
          form('Tờ trình thẩm định'),
          'Báo cáo nghiên cứu khả thi đầu tư xây dựng',
          'Văn bản chấp thuận chủ trương đầu tư',
        ],
      },
      {
        n: 'Thẩm định thiết kế xây dựng triển khai sau thiết kế cơ sở',
        d: 30,
        f: [feeText('Phí thẩm định thiết kế', 'Theo quy định của Bộ Tài chính')],
        docs: [
          form('Tờ trình thẩm định thiết kế'),
          'Hồ sơ thiết kế xây dựng',
          'Báo cáo kết quả khảo sát xây dựng',
        ],
      },
      {
        n: 'Kiểm tra công tác nghiệm thu hoàn thành công trình xây dựng',
        d: 20,
        f: [],
        docs: [form('Báo cáo hoàn thành thi công xây dựng'), 'Danh mục hồ sơ hoàn thành công trình'],
      },
      {
        n: 'Bán nhà ở cũ thuộc sở hữu nhà nước',
        d: 45,
        f: [feeText('Tiền mua nhà', 'Theo giá bán được Ủy ban nhân dân tỉnh phê duyệt')],
        docs: [
          form('Đơn đề nghị mua nhà ở cũ'),
          'Hợp đồng thuê nhà ở',
          'Giấy tờ chứng minh thuộc đối tượng được miễn, giảm tiền mua nhà (nếu có)',
          ID_DOC,
        ],
      },
      {
        n: 'Cấp giấy phép hoạt động xây dựng cho nhà thầu nước ngoài',
        d: 20,
        f: [vnd('Lệ phí', 2_000_000)],
        docs: [
          form('Đơn đề nghị cấp giấy phép hoạt động xây dựng'),
          'Văn bản kết quả đấu thầu hoặc quyết định chọn thầu',
          'Bản sao giấy phép thành lập của nhà thầu',
        ],
      },
      {
        n: 'Điều chỉnh giấy phép hoạt động xây dựng cho nhà thầu nước ngoài',
        d: 10,
        f: [vnd('Lệ phí', 1_000_000)],
        docs: [
          form('Đơn đề nghị điều chỉnh'),
          'Bản sao giấy phép hoạt động xây dựng đã cấp',
          'Tài liệu chứng minh nội dung thay đổi',
        ],
      },
    ],
  },
  {
    areaId: 'tn-datdai',
    departmentId: 'stnmt',
    level: 'province',
    procedures: [
      {
        n: `Đăng ký đất đai, tài sản gắn liền với đất, cấp ${GCN} lần đầu`,
        d: 20,
        t: '20 ngày làm việc (không kể thời gian niêm yết, xác định nghĩa vụ tài chính); vùng sâu, vùng xa thêm 10 ngày',
        lv: 'district',
        f: LAND_FEES,
        docs: [
          form('Đơn đăng ký đất đai, tài sản gắn liền với đất'),
          'Giấy tờ về quyền sử dụng đất (nếu có)',
          'Giấy tờ về tài sản gắn liền với đất (nếu có)',
          'Chứng từ nộp nghĩa vụ tài chính hoặc giấy tờ miễn, giảm (nếu có)',
          ID_DOC,
        ],
        s: ['làm sổ đỏ lần đầu', 'cấp sổ đỏ'],
      },
      {
        n: 'Đăng ký biến động quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất',
        d: 10,
        f: CHANGE_FEES,
        docs: [
          form('Đơn đăng ký biến động đất đai, tài sản gắn liền với đất'),
          GCN_ORIGINAL,
          'Giấy tờ làm căn cứ đăng ký biến động',
          ID_DOC,
        ],
      },
      {
        n: 'Đăng ký chuyển nhượng, tặng cho quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất',
        d: 10,
        f: CHANGE_FEES,
        docs: [
          form('Đơn đăng ký biến động đất đai, tài sản gắn liền với đất'),
          'Hợp đồng chuyển nhượng hoặc tặng cho đã công chứng, chứng thực',
          GCN_ORIGINAL,
          'Tờ khai lệ phí trước bạ, tờ khai thuế thu nhập cá nhân',
        ],
        s: ['sang tên sổ đỏ', 'mua bán đất'],
      },
      {
        n: 'Đăng ký thừa kế quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất',
        d: 10,
        f: CHANGE_FEES,
        docs: [
          form('Đơn đăng ký biến động đất đai, tài sản gắn liền với đất'),
          'Văn bản khai nhận hoặc thỏa thuận phân chia di sản đã công chứng, chứng thực',
          GCN_ORIGINAL,
        ],
        s: ['sang tên sổ đỏ thừa kế'],
      },
      {
        n: `Cấp đổi ${GCN}`,
        d: 7,
        f: [vnd('Lệ phí cấp đổi Giấy chứng nhận', 50_000)],
        docs: [form('Đơn đăng ký biến động đất đai, tài sản gắn liền với đất'), GCN_ORIGINAL],
        s: ['đổi sổ đỏ cũ', 'đổi sổ hồng'],
      },
      {
        n: `Cấp lại ${GCN} do bị mất`,
        d: 10,
        t: '10 ngày làm việc sau khi hết thời gian niêm yết thông báo mất Giấy chứng nhận (15 ngày)',
        f: [vnd('Lệ phí cấp lại Giấy chứng nhận', 50_000)],
        docs: [
          form('Đơn đề nghị cấp lại Giấy chứng nhận'),
          'Giấy xác nhận của Ủy ban nhân dân cấp xã về việc đã niêm yết thông báo mất',
          ID_DOC,
        ],
        s: ['mất sổ đỏ', 'làm lại sổ đỏ'],
      },
      {
        n: 'Đính chính Giấy chứng nhận đã cấp',
        d: 10,
        f: [],
        docs: [form('Đơn đề nghị đính chính'), GCN_ORIGINAL, 'Giấy tờ chứng minh nội dung sai sót'],
        s: ['sửa sai sổ đỏ'],
      },
      {
        n: 'Tách thửa hoặc hợp thửa đất',
        d: 15,
        f: [feeText('Phí đo đạc, lệ phí cấp Giấy chứng nhận', 'Theo mức do Hội đồng nhân dân tỉnh quy định')],
        docs: [
          form('Đơn đề nghị tách thửa đất, hợp thửa đất'),
          GCN_ORIGINAL,
          'Bản vẽ tách thửa, hợp thửa do đơn vị đo đạc lập',
        ],
        s: ['tách sổ đỏ', 'chia đất'],
      },
      {
        n: 'Đăng ký thế chấp quyền sử dụng đất, tài sản gắn liền với đất',
        d: 3,
        t: 'Trong ngày làm việc; hồ sơ nhận sau 15 giờ hoặc nhiều hồ sơ thì không quá 03 ngày làm việc',
        f: [vnd('Phí đăng ký biện pháp bảo đảm', 80_000)],
        docs: [
          form('Phiếu yêu cầu đăng ký thế chấp'),
          'Hợp đồng thế chấp đã công chứng, chứng thực (nếu pháp luật yêu cầu)',
          GCN_ORIGINAL,
        ],
        s: ['thế chấp sổ đỏ vay ngân hàng'],
      },
      {
        n: 'Xóa đăng ký thế chấp quyền sử dụng đất, tài sản gắn liền với đất',
        d: 3,
        t: 'Trong ngày làm việc; hồ sơ nhận sau 15 giờ thì không quá 03 ngày làm việc',
        f: [vnd('Phí xóa đăng ký', 20_000)],
        docs: [
          form('Phiếu yêu cầu xóa đăng ký'),
          GCN_ORIGINAL,
          'Văn bản đồng ý xóa đăng ký của bên nhận thế chấp',
        ],
        s: ['giải chấp sổ đỏ'],
      },
      {
        n: 'Đăng ký thay đổi nội dung biện pháp bảo đảm bằng quyền sử dụng đất, tài sản gắn liền với đất đã đăng ký',
        d: 3,
        f: [vnd('Phí đăng ký thay đổi', 60_000)],
        docs: [
          form('Phiếu yêu cầu đăng ký thay đổi'),
          'Hợp đồng sửa đổi, bổ sung hợp đồng thế chấp',
          GCN_ORIGINAL,
        ],
      },
      {
        n: 'Chuyển mục đích sử dụng đất phải được cơ quan nhà nước có thẩm quyền cho phép',
        d: 20,
        lv: 'district',
        f: [
          feeText('Tiền sử dụng đất', 'Theo thông báo của cơ quan thuế'),
          feeText('Phí thẩm định hồ sơ', 'Theo mức do Hội đồng nhân dân tỉnh quy định'),
        ],
        docs: [form('Đơn xin chuyển mục đích sử dụng đất'), GCN_ORIGINAL],
        s: ['chuyển đất nông nghiệp lên thổ cư', 'lên thổ cư'],
      },
      {
        n: 'Đăng ký biến động do thay đổi thông tin về người sử dụng đất, địa chỉ, diện tích thửa đất',
        d: 10,
        f: [vnd('Lệ phí chứng nhận đăng ký biến động', 30_000)],
        docs: [
          form('Đơn đăng ký biến động đất đai, tài sản gắn liền với đất'),
          GCN_ORIGINAL,
          'Giấy tờ chứng minh thông tin thay đổi',
          ID_DOC,
        ],
      },
      {
        n: 'Gia hạn sử dụng đất ngoài khu công nghệ cao, khu kinh tế',
        d: 7,
        f: [feeText('Phí thẩm định hồ sơ', 'Theo mức do Hội đồng nhân dân tỉnh quy định')],
        docs: [form('Đơn xin gia hạn sử dụng đất'), GCN_ORIGINAL],
      },
      {
        n: 'Xác nhận tiếp tục sử dụng đất nông nghiệp của hộ gia đình, cá nhân khi hết hạn sử dụng đất',
        d: 5,
        lv: 'district',
        f: [],
        docs: [form('Đơn đề nghị xác nhận'), GCN_ORIGINAL],
      },
      {
        n: 'Giao đất, cho thuê đất không thông qua đấu giá quyền sử dụng đất',
        d: 20,
        f: [feeText('Tiền sử dụng đất, tiền thuê đất', 'Theo thông báo của cơ quan thuế')],
        docs: [
          form('Đơn xin giao đất, cho thuê đất'),
          'Văn bản chấp thuận chủ trương đầu tư hoặc Giấy chứng nhận đăng ký đầu tư',
          'Trích lục bản đồ địa chính thửa đất',
        ],
      },
      {
        n: 'Thu hồi đất do người sử dụng đất tự nguyện trả lại đất',
        d: 20,
        f: [],
        docs: [form('Văn bản tự nguyện trả lại đất'), GCN_ORIGINAL],
      },
      {
        n: 'Cung cấp thông tin, dữ liệu đất đai',
        d: 2,
        t: 'Trong ngày nếu nhận trước 15 giờ; trường hợp khác không quá 02 ngày làm việc',
        f: [
          feeText('Phí khai thác, sử dụng tài liệu đất đai', 'Theo mức do Hội đồng nhân dân tỉnh quy định'),
        ],
        docs: [form('Phiếu yêu cầu cung cấp thông tin, dữ liệu đất đai'), ID_DOC],
        s: ['trích lục thửa đất', 'trích lục bản đồ địa chính', 'kiểm tra quy hoạch đất'],
      },
      {
        n: 'Đăng ký biến động do góp vốn bằng quyền sử dụng đất, tài sản gắn liền với đất',
        d: 10,
        f: CHANGE_FEES,
        docs: [
          form('Đơn đăng ký biến động đất đai, tài sản gắn liền với đất'),
          'Hợp đồng góp vốn đã công chứng, chứng thực',
          GCN_ORIGINAL,
        ],
      },
      {
        n: 'Chuyển đổi quyền sử dụng đất nông nghiệp của hộ gia đình, cá nhân',
        d: 10,
        lv: 'district',
        f: CHANGE_FEES,
        docs: [
          form('Đơn đăng ký biến động đất đai, tài sản gắn liền với đất'),
          'Hợp đồng chuyển đổi quyền sử dụng đất nông nghiệp',
          GCN_ORIGINAL,
        ],
        s: ['đổi ruộng'],
      },
      {
        n: 'Đăng ký xác lập quyền sử dụng hạn chế thửa đất liền kề',
        d: 10,
        f: [vnd('Lệ phí chứng nhận đăng ký biến động', 30_000)],
        docs: [
          form('Đơn đăng ký biến động đất đai, tài sản gắn liền với đất'),
          'Hợp đồng hoặc văn bản thỏa thuận về quyền sử dụng hạn chế',
          'Sơ đồ thể hiện vị trí, kích thước phần diện tích sử dụng hạn chế',
          GCN_ORIGINAL,
        ],
        s: ['lối đi chung'],
      },
      {
        n: `Cấp ${GCN} cho người mua nhà ở, công trình xây dựng trong dự án bất động sản`,
        d: 15,
        f: LAND_FEES,
        docs: [
          form('Đơn đăng ký đất đai, tài sản gắn liền với đất'),
          'Hợp đồng mua bán nhà ở, công trình xây dựng',
          'Biên bản bàn giao nhà ở, công trình xây dựng',
          'Chứng từ nộp lệ phí trước bạ',
        ],
        s: ['sổ hồng chung cư', 'làm sổ cho căn hộ'],
      },
      {
        n: 'Đăng ký bổ sung tài sản gắn liền với đất vào Giấy chứng nhận đã cấp',
        d: 10,
        f: CHANGE_FEES,
        docs: [
          form('Đơn đăng ký biến động đất đai, tài sản gắn liền với đất'),
          GCN_ORIGINAL,
          'Giấy phép xây dựng và hồ sơ hoàn công (nếu có)',
          'Sơ đồ tài sản gắn liền với đất',
        ],
        s: ['hoàn công nhà', 'bổ sung nhà vào sổ đỏ'],
      },
      {
        n: 'Xóa ghi nợ tiền sử dụng đất',
        d: 3,
        f: [],
        docs: [
          form('Đơn đề nghị xóa ghi nợ tiền sử dụng đất'),
          GCN_ORIGINAL,
          'Chứng từ đã nộp đủ tiền sử dụng đất',
        ],
        s: ['xóa nợ sổ đỏ'],
      },
      {
        n: 'Giải quyết tranh chấp đất đai thuộc thẩm quyền của Chủ tịch Ủy ban nhân dân cấp tỉnh',
        d: 45,
        t: 'Không quá 45 ngày; vùng sâu, vùng xa không quá 55 ngày',
        f: [],
        docs: [
          form('Đơn yêu cầu giải quyết tranh chấp đất đai'),
          'Biên bản hòa giải tại Ủy ban nhân dân cấp xã',
          'Giấy tờ, tài liệu liên quan đến thửa đất tranh chấp',
        ],
      },
    ],
  },
  {
    areaId: 'tn-moitruong',
    departmentId: 'stnmt',
    level: 'province',
    procedures: [
      {
        n: 'Cấp giấy phép môi trường',
        d: 30,
        f: [ENV],
        docs: [
          form('Văn bản đề nghị cấp giấy phép môi trường'),
          'Báo cáo đề xuất cấp giấy phép môi trường',
          'Bản sao báo cáo nghiên cứu khả thi hoặc tài liệu tương đương',
        ],
      },
      {
        n: 'Cấp đổi giấy phép môi trường',
        d: 10,
        f: [],
        docs: [form('Văn bản đề nghị cấp đổi giấy phép môi trường'), 'Tài liệu chứng minh nội dung thay đổi'],
      },
      {
        n: 'Cấp điều chỉnh giấy phép môi trường',
        d: 15,
        f: [ENV],
        docs: [form('Văn bản đề nghị điều chỉnh giấy phép môi trường'), 'Báo cáo đề xuất điều chỉnh'],
      },
      {
        n: 'Cấp lại giấy phép môi trường',
        d: 30,
        f: [ENV],
        docs: [
          form('Văn bản đề nghị cấp lại giấy phép môi trường'),
          'Báo cáo đề xuất cấp lại giấy phép môi trường',
        ],
      },
      {
        n: 'Thẩm định báo cáo đánh giá tác động môi trường',
        d: 30,
        f: [ENV],
        docs: [
          form('Văn bản đề nghị thẩm định'),
          'Báo cáo đánh giá tác động môi trường',
          'Báo cáo nghiên cứu khả thi hoặc tài liệu tương đương',
        ],
        s: ['ĐTM'],
      },
      {
        n: 'Đăng ký môi trường',
        d: 0,
        t: 'Tiếp nhận ngay khi nhận được văn bản đăng ký',
        lv: 'commune',
        f: [],
        docs: [form('Văn bản đăng ký môi trường')],
      },
      {
        n: 'Cấp giấy phép thăm dò nước dưới đất',
        d: 30,
        f: [WATER],
        docs: [form('Đơn đề nghị cấp giấy phép'), 'Đề án thiết kế giếng thăm dò'],
      },
      {
        n: 'Cấp giấy phép khai thác nước dưới đất',
        d: 30,
        f: [WATER],
        docs: [
          form('Đơn đề nghị cấp giấy phép'),
          'Báo cáo kết quả thăm dò đánh giá trữ lượng nước dưới đất',
          'Kết quả phân tích chất lượng nguồn nước',
        ],
        s: ['giếng khoan'],
      },
      {
        n: 'Cấp giấy phép khai thác, sử dụng nước mặt',
        d: 30,
        f: [WATER],
        docs: [
          form('Đơn đề nghị cấp giấy phép'),
          'Đề án khai thác, sử dụng nước mặt',
          'Kết quả phân tích chất lượng nguồn nước',
        ],
      },
      {
        n: 'Gia hạn, điều chỉnh giấy phép khai thác tài nguyên nước',
        d: 25,
        f: [WATER],
        docs: [form('Đơn đề nghị gia hạn, điều chỉnh'), 'Báo cáo hiện trạng khai thác, sử dụng nước'],
      },
      {
        n: 'Cấp giấy phép hành nghề khoan nước dưới đất quy mô vừa và nhỏ',
        d: 10,
        f: [feeText('Phí thẩm định', 'Theo mức do Hội đồng nhân dân tỉnh quy định')],
        docs: [
          form('Đơn đề nghị cấp giấy phép'),
          'Bản sao văn bằng chuyên môn của người chịu trách nhiệm kỹ thuật',
          'Bản khai năng lực chuyên môn kỹ thuật',
        ],
      },
      {
        n: 'Cấp giấy phép thăm dò khoáng sản',
        d: 45,
        f: [feeText('Lệ phí cấp giấy phép thăm dò', 'Từ 4.000.000 đồng, tùy diện tích thăm dò')],
        docs: [form('Bản đăng ký thăm dò khoáng sản'), 'Đề án thăm dò khoáng sản', 'Bản đồ khu vực thăm dò'],
      },
      {
        n: 'Cấp giấy phép khai thác khoáng sản',
        d: 60,
        f: [feeText('Lệ phí cấp giấy phép khai thác', 'Từ 1.000.000 đồng, tùy loại khoáng sản và công suất')],
        docs: [
          form('Đơn đề nghị cấp giấy phép khai thác khoáng sản'),
          'Báo cáo kết quả thăm dò đã được phê duyệt',
          'Dự án đầu tư khai thác khoáng sản',
          'Giấy phép môi trường',
        ],
      },
      {
        n: 'Trả lại giấy phép khai thác khoáng sản',
        d: 30,
        f: [],
        docs: [
          form('Đơn đề nghị trả lại giấy phép'),
          'Bản đồ hiện trạng khu vực khai thác',
          'Đề án đóng cửa mỏ khoáng sản',
        ],
      },
      {
        n: 'Phê duyệt đề án đóng cửa mỏ khoáng sản',
        d: 45,
        f: [],
        docs: [
          form('Đơn đề nghị đóng cửa mỏ'),
          'Đề án đóng cửa mỏ khoáng sản',
          'Bản đồ hiện trạng khu vực đóng cửa mỏ',
        ],
      },
      {
        n: 'Tiếp nhận, xử lý thông tin phản ánh về ô nhiễm môi trường',
        d: 15,
        lv: 'district',
        f: [],
        docs: [
          'Đơn phản ánh hoặc thông tin phản ánh | có thể trực tiếp hoặc qua đường dây nóng',
          'Hình ảnh, tài liệu kèm theo (nếu có)',
        ],
      },
    ],
  },
];
